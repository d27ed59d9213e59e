import type { DemarcheDefinition } from '../definition/types.ts';
import { checkRules, computeValues, parisDate, type RuleFailures } from '../expressions/index.ts';

/**
 * What the expressions of one `apply` see: the data with its computed values (worked out
 * again here, from this day, so a guard on an age or a price never trusts a stored one),
 * and `today`, worked out only when some expression needs it — most transitions of most
 * démarches have none, and the engine stays as fast as it was.
 */
export class ExpressionContext {
  readonly data: Readonly<Record<string, unknown>>;
  #today: string | null = null;
  readonly #now: Date;

  constructor(definition: DemarcheDefinition, data: Record<string, unknown>, now: Date) {
    this.#now = now;
    this.data =
      (definition.computed ?? []).length === 0 ? data : computeValues(definition, data, this.today);
  }

  /** The Paris calendar day of `now`, `YYYY-MM-DD`. */
  get today(): string {
    this.#today ??= parisDate(this.#now);
    return this.#today;
  }

  /** The form's own rules (`form.rules`) on this data. */
  ruleFailures(definition: DemarcheDefinition): RuleFailures {
    return (definition.form.rules ?? []).length === 0
      ? {}
      : checkRules(definition, this.data, this.today);
  }
}
