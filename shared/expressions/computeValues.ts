import type { ComputedField, DemarcheDefinition } from '../definition/types.ts';
import { evaluateExpression } from './evaluateExpression.ts';
import { fieldsRead } from './fieldsRead.ts';

// Definitions are immutable once published: the evaluation order is worked out once.
const orders = new WeakMap<DemarcheDefinition, readonly ComputedField[]>();

/**
 * The data with every computed field (re)calculated, in dependency order (a total after
 * the amounts it adds). Whatever value the data held for a computed field is replaced:
 * a citizen cannot choose their own price. A value that cannot be known yet (a field it
 * reads is empty) or whose expression is broken leaves the field out. The same function
 * runs live in the browser and at every save, submission and action on the server.
 *
 * @example
 * computeValues(definition, { loyer: 500, montant: 1 }, '2026-12-03');
 * // { loyer: 500, montant: 250 } when montant = { '*': [{ var: 'loyer' }, 0.5] }
 */
export function computeValues(
  definition: DemarcheDefinition,
  data: Readonly<Record<string, unknown>>,
  today: string,
): Record<string, unknown> {
  const result: Record<string, unknown> = { ...data };
  for (const computed of definition.computed ?? []) delete result[computed.field];
  const order = computationOrder(definition);
  for (const computed of order) {
    const value = evaluateExpression(computed.expression, { data: result, today });
    if (value.ok && value.value !== null && value.value !== undefined) {
      result[computed.field] = value.value;
    }
  }
  return result;
}

/** Names of the computed fields: the ones a client may not set. */
export function computedFieldNames(definition: DemarcheDefinition): ReadonlySet<string> {
  return new Set((definition.computed ?? []).map((c) => c.field));
}

/**
 * Computed fields, each after those it reads. Fields caught in a loop are left out (the
 * `computed-cycle` lint rule refuses such a definition at publish): they have no value.
 */
function computationOrder(definition: DemarcheDefinition): readonly ComputedField[] {
  const cached = orders.get(definition);
  if (cached !== undefined) return cached;
  const byField = new Map<string, ComputedField>();
  for (const computed of definition.computed ?? []) {
    if (!byField.has(computed.field)) byField.set(computed.field, computed);
  }
  const order: ComputedField[] = [];
  const state = new Map<string, 'visiting' | 'done' | 'loop'>();
  const visit = (field: string): boolean => {
    const seen = state.get(field);
    if (seen === 'done') return true;
    if (seen !== undefined) {
      state.set(field, 'loop');
      return false;
    }
    state.set(field, 'visiting');
    const computed = byField.get(field) as ComputedField;
    let sound = true;
    for (const read of fieldsRead(computed.expression)) {
      if (byField.has(read) && !visit(read)) sound = false;
    }
    if (!sound || state.get(field) === 'loop') {
      state.set(field, 'loop');
      return false;
    }
    state.set(field, 'done');
    order.push(computed);
    return true;
  };
  for (const field of byField.keys()) visit(field);
  orders.set(definition, order);
  return order;
}
