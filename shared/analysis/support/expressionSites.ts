import { describeTransition, quote } from './describe.ts';
import type { LintContext } from './lintContext.ts';
import { pointer } from './pointer.ts';
import { asArray, isObject } from './shapes.ts';

/** An expression of the definition, where it is and what it is for. */
export interface ExpressionSite {
  expression: unknown;
  pointer: string;
  /** « Le calcul de « participation » », « La règle « fin-apres-debut » »… */
  owner: string;
  /** Whether `input.…` names the transition's input here (effects' `when`). */
  readsInput: boolean;
}

/**
 * Every json-logic expression of a definition: computed values, the form's rules
 * (`when`, `assert`), the transitions' rules and effect conditions.
 *
 * @example
 * expressionSites(createLintContext(definition)).map((s) => s.pointer);
 * // ['/computed/0/expression', '/form/rules/0/assert', '/workflow/transitions/0/effects/1/when']
 */
export function expressionSites(context: LintContext): ExpressionSite[] {
  const sites: ExpressionSite[] = [];
  context.computed.forEach((computed, i) => {
    sites.push({
      expression: computed.expression,
      pointer: pointer('computed', i, 'expression'),
      owner: `Le calcul de ${quote(computed.field)}`,
      readsInput: false,
    });
  });
  const form = isObject(context.definition.form) ? context.definition.form : undefined;
  asArray<unknown>(form?.rules).forEach((rule, i) => {
    if (!isObject(rule)) return;
    for (const key of ['when', 'assert'] as const) {
      if (rule[key] === undefined) continue;
      sites.push({
        expression: rule[key],
        pointer: pointer('form', 'rules', i, key),
        owner: `La règle ${quote(rule['id'])}`,
        readsInput: false,
      });
    }
  });
  context.transitions.forEach((transition, i) => {
    asArray<unknown>(transition.rules).forEach((rule, j) => {
      if (!isObject(rule)) return;
      for (const key of ['when', 'assert'] as const) {
        if (rule[key] === undefined) continue;
        sites.push({
          expression: rule[key],
          pointer: pointer('workflow', 'transitions', i, 'rules', j, key),
          owner: `La règle ${quote(rule['id'])} de ${describeTransition(transition)}`,
          readsInput: true,
        });
      }
    });
    asArray<unknown>(transition.effects).forEach((effect, j) => {
      if (!isObject(effect) || effect['when'] === undefined) return;
      sites.push({
        expression: effect['when'],
        pointer: pointer('workflow', 'transitions', i, 'effects', j, 'when'),
        owner: `La condition d’un effet de ${describeTransition(transition)}`,
        readsInput: true,
      });
    });
  });
  return sites;
}
