import type { DemarcheDefinition, FormRule } from '../definition/types.ts';
import { evaluateExpression } from './evaluateExpression.ts';
import { truthy } from './operation.ts';
import type { ExpressionScope } from './types.ts';

/** Messages keyed by field path, as `shared/form`'s `FieldErrors`. */
export type RuleFailures = Record<string, string[]>;

/**
 * The form's own cross-field rules (`form.rules`) on `data` (computed values already in):
 * each failing rule puts its admin-written message beside its field. A rule fails only
 * when `assert` is `false`: `null` — a field it reads is still empty — passes, and so
 * does a rule whose expression cannot run (the linter refuses those at publish; a
 * citizen must never be blocked by a broken rule).
 *
 * @example
 * checkRules(definition, { debut: '2026-05-01', fin: '2026-04-01' }, '2026-12-03');
 * // { fin: ['La date de fin doit suivre la date de début.'] }
 */
export function checkRules(
  definition: DemarcheDefinition,
  data: Readonly<Record<string, unknown>>,
  today: string,
): RuleFailures {
  return failingRules(definition.form.rules ?? [], { data, today });
}

/**
 * Rules shaped as the form's (`when`, `assert`, `message` beside `field`) on any scope:
 * a transition's rules also read the actor's input (`input.…`). Same verdicts as
 * `checkRules`: only an `assert` that is `false` fails.
 *
 * @example
 * failingRules([{ id: 'plafond', field: 'montant', assert: { '<=': [{ var: 'input.montant' }, { var: 'demande' }] }, message: 'Au plus le montant demandé.' }],
 *   { data: { demande: 500 }, today: '2026-12-03', input: { montant: 800 } });
 * // { montant: ['Au plus le montant demandé.'] }
 */
export function failingRules(
  rules: readonly Pick<FormRule, 'field' | 'when' | 'assert' | 'message'>[],
  scope: ExpressionScope,
): RuleFailures {
  const failures: RuleFailures = {};
  for (const rule of rules) {
    if (rule.when !== undefined) {
      const applies = evaluateExpression(rule.when, scope);
      if (!applies.ok || !truthy(applies.value)) continue;
    }
    const verdict = evaluateExpression(rule.assert, scope);
    if (!verdict.ok || verdict.value !== false) continue;
    const messages = failures[rule.field] ?? [];
    if (!messages.includes(rule.message)) messages.push(rule.message);
    failures[rule.field] = messages;
  }
  return failures;
}
