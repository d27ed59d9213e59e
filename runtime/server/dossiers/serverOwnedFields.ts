import { isDeepStrictEqual } from 'node:util';
import type { DemarcheDefinition } from '../../../shared/definition/types.ts';
import { computedFieldNames, computeValues, parisDate } from '../../../shared/expressions/index.ts';
import { err, ok, type Result } from '../../../shared/result.ts';
import type { DomainError } from '../core/domainError.ts';

/**
 * The data a save stores, from what the client sent: computed fields are worked out
 * again here and whatever the client put there is overwritten, silently — the browser
 * sends back the values it computed live, and the server's own are the ones kept (a
 * citizen cannot set their own price, issue 14). A field the form declares `readOnly`
 * (and does not compute) is the server's too: a value sent for it that differs from the
 * stored one is refused with a field error; leaving it out keeps the stored value.
 *
 * @example
 * settleServerOwnedFields(definition, stored, { montant: 400, participation: 1 }, now);
 * // { ok: true, value: { montant: 400, taux: 1, participation: 400 } }
 */
export function settleServerOwnedFields(
  definition: DemarcheDefinition,
  stored: Readonly<Record<string, unknown>>,
  sent: Readonly<Record<string, unknown>>,
  now: Date,
): Result<Record<string, unknown>, DomainError> {
  const computed = computedFieldNames(definition);
  const readOnly = readOnlyFields(definition).filter((field) => !computed.has(field));
  const changed = readOnly.filter(
    (field) => Object.hasOwn(sent, field) && !isDeepStrictEqual(sent[field], stored[field]),
  );
  if (changed.length > 0) {
    return err({
      code: 'FIELD_NOT_EDITABLE',
      message: 'Certains champs sont en lecture seule.',
      fieldErrors: Object.fromEntries(
        changed.map((field) => [
          field,
          ['Ce champ est en lecture seule : il ne peut pas être modifié.'],
        ]),
      ),
    });
  }
  const data: Record<string, unknown> = { ...sent };
  for (const field of readOnly) {
    if (!Object.hasOwn(sent, field) && Object.hasOwn(stored, field)) data[field] = stored[field];
  }
  if (computed.size === 0) return ok(data);
  return ok(computeValues(definition, data, parisDate(now)));
}

/** Top-level fields the form schema marks `readOnly: true`. */
function readOnlyFields(definition: DemarcheDefinition): string[] {
  const schema = definition.form.schema;
  if (typeof schema !== 'object') return [];
  const properties = schema['properties'];
  if (typeof properties !== 'object' || properties === null) return [];
  return Object.entries(properties as Record<string, unknown>)
    .filter(([, property]) => isObject(property) && property['readOnly'] === true)
    .map(([field]) => field);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
