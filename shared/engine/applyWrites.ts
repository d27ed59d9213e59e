import type { DataWrite } from '../definition/types.ts';
import type { DossierEvent, DossierSnapshot } from './types.ts';

/**
 * Copies the input fields a transition `writes` into the dossier data of `next` (the
 * snapshot the engine just built and owns): the agent's opinion, the amount granted. The
 * data object is replaced, never mutated, so the caller's snapshot keeps its own. An
 * input field the actor left empty writes nothing. Returns the before/after of each
 * written field for the event, keyed `data.<field>`.
 *
 * @example
 * applyWrites(next, [{ field: 'montantAccorde', fromInput: 'montant' }], { montant: 800 });
 * // next.data.montantAccorde === 800; { 'data.montantAccorde': { before: null, after: 800 } }
 */
export function applyWrites(
  next: DossierSnapshot,
  writes: readonly DataWrite[],
  input: Record<string, unknown>,
): DossierEvent['changes'] {
  const changes: DossierEvent['changes'] = {};
  let data: Record<string, unknown> | null = null;
  for (const write of writes) {
    if (!Object.hasOwn(input, write.fromInput)) continue;
    const value = input[write.fromInput];
    data ??= { ...next.data };
    const before = Object.hasOwn(data, write.field) ? data[write.field] : null;
    // defineProperty: a field named `__proto__` stays a plain key.
    Object.defineProperty(data, write.field, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
    changes[`data.${write.field}`] = { before, after: value };
  }
  if (data !== null) next.data = data;
  return changes;
}
