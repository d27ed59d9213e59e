import type { DemarcheDefinition } from '../../definition/types.ts';
import { socialAidDefinition } from '../../testing/socialAidDefinition.ts';
import { lintDefinition } from '../lintDefinition.ts';
import type { Diagnostic, LintRule } from '../types.ts';

/**
 * Runs one rule on a copy of the social-aid sample (or `base`), after `edit` changed the copy — so a
 * test states only how its case differs from a realistic, clean definition.
 *
 * @example
 * lintRule(deadEnd, (d) => { d.workflow.transitions = []; });
 */
export function lintRule(
  rule: LintRule,
  edit?: (definition: DemarcheDefinition) => void,
  base: DemarcheDefinition = socialAidDefinition,
): Diagnostic[] {
  const definition = structuredClone(base);
  edit?.(definition);
  return lintDefinition(definition, { rules: [rule] });
}

/**
 * The pointers of diagnostics, for compact assertions.
 *
 * @example
 * expect(pointers(lintRule(deadEnd))).toEqual([]);
 */
export function pointers(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => d.pointer);
}
