import type { DemarcheDefinition } from '../definition/types.ts';
import { LINT_RULES } from './rules/registry.ts';
import { createLintContext, type LintContext } from './support/lintContext.ts';
import type { Diagnostic, LintRule } from './types.ts';

export interface LintOptions {
  /** Rules to run; defaults to every rule of the registry (tests run one at a time). */
  rules?: readonly LintRule[];
}

/**
 * The semantic problems of a definition that already passed structural validation:
 * unreachable states, dead ends, transitions nobody can fire, unknown fields and
 * templates, guards that can never hold… Errors block publishing (`canPublish`),
 * warnings do not. Pure and cheap: the designer runs it on every edit.
 *
 * A rule that breaks on an unforeseen shape does not take the others down: it yields a
 * `lint-rule-failed` error, since a definition nobody could check must not be published.
 *
 * @example
 * lintDefinition(socialAidDefinition).filter((d) => d.severity === 'error'); // []
 * lintDefinition({ ...def, workflow: { ...def.workflow, initialState: 'nulle_part' } });
 * // [{ rule: 'unknown-state', severity: 'error', pointer: '/workflow/initialState', message: '…' }, …]
 */
export function lintDefinition(
  definition: DemarcheDefinition,
  options: LintOptions = {},
): Diagnostic[] {
  let context: LintContext;
  try {
    context = createLintContext(definition);
  } catch (error) {
    return [failure('préparation', error)];
  }
  const diagnostics: Diagnostic[] = [];
  for (const rule of options.rules ?? LINT_RULES) {
    try {
      rule.check(context, (pointer, message, severity = rule.severity) => {
        diagnostics.push({ rule: rule.id, severity, pointer, message });
      });
    } catch (error) {
      diagnostics.push(failure(rule.id, error));
    }
  }
  return diagnostics;
}

function failure(step: string, error: unknown): Diagnostic {
  return {
    rule: 'lint-rule-failed',
    severity: 'error',
    pointer: '',
    message: `La vérification « ${step} » n’a pas pu s’exécuter sur cette définition (${String(error)}). Signalez-le à l’équipe technique.`,
  };
}
