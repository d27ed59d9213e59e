import type { DemarcheDefinition } from '../../../shared/definition/types.ts';
import { type FieldErrors, sourcedValuesOf } from '../../../shared/form/index.ts';
import { findInSource, type SourceReaders, sourceOf } from './sourceEntries.ts';

/**
 * What is wrong with the sourced fields (`x-source`) of a dossier's data, by field path
 * (empty: nothing): a value that is not a code of its source — a commune typed by hand,
 * a code removed from the table since, a value forged by a client — is refused with a
 * French message beside its field (docs/SECURITY.md §101). When a URL source cannot be
 * read and no earlier copy is kept, the field says so: nothing unchecked is stored.
 *
 * @example
 * await checkSourcedValues(readers, definition, { commune: 'Lyon' });
 * // { commune: ['Choisissez une valeur dans la liste proposée.'] }
 */
export async function checkSourcedValues(
  readers: SourceReaders,
  definition: DemarcheDefinition,
  data: Record<string, unknown>,
  onlyUnder?: readonly string[],
): Promise<FieldErrors> {
  const values = sourcedValuesOf(definition.form.schema, data).filter(
    (value) => onlyUnder === undefined || onlyUnder.includes(value.path.split('/')[0]!),
  );
  const errors: Record<string, string[]> = {};
  const bySource = new Map<string, typeof values>();
  for (const value of values)
    bySource.set(value.source, [...(bySource.get(value.source) ?? []), value]);
  for (const [id, fields] of bySource) {
    const source = sourceOf(definition, id);
    const codes = [
      ...new Set(fields.flatMap((field) => (typeof field.value === 'string' ? [field.value] : []))),
    ];
    const found = source === null ? null : await findInSource(readers, source, codes);
    const known = found?.ok ? new Set(found.value.map((entry) => entry.value)) : null;
    for (const field of fields) {
      const path = field.path.replaceAll('/', '.');
      if (found !== null && !found.ok && found.error.code === 'UNAVAILABLE') {
        errors[path] = [
          'La liste de ce champ est momentanément indisponible : réessayez dans quelques minutes.',
        ];
      } else if (known === null || typeof field.value !== 'string' || !known.has(field.value)) {
        errors[path] = ['Choisissez une valeur dans la liste proposée.'];
      }
    }
  }
  return errors;
}
