import type { DemarcheDefinition } from '../../../shared/definition/types.ts';
import { sourcedValuesOf } from '../../../shared/form/index.ts';
import type { SourceLabels } from '../../../shared/templating/index.ts';
import { findInSource, type SourceReaders, sourceOf } from './sourceEntries.ts';

/**
 * The labels of the codes held by the sourced fields (`x-source`) of one or more
 * dossiers of a definition, by source then code (`choiceLabel`'s `sourceLabels`): one
 * lookup per source whatever the number of dossiers, so an export page costs one query
 * per table. A code the source no longer has, or a URL source that cannot be read now,
 * simply has no label: the agent then sees the stored code rather than an error.
 *
 * @example
 * await sourceLabelsOf(readers, definition, [{ commune: '69383' }]);
 * // { communes: { '69383': 'Lyon 3e Arrondissement' } }
 */
export async function sourceLabelsOf(
  readers: SourceReaders,
  definition: DemarcheDefinition,
  datas: ReadonlyArray<Record<string, unknown>>,
): Promise<SourceLabels> {
  const codesBySource = new Map<string, Set<string>>();
  for (const data of datas) {
    for (const field of sourcedValuesOf(definition.form.schema, data)) {
      const values = Array.isArray(field.value) ? field.value : [field.value];
      const codes = codesBySource.get(field.source) ?? new Set<string>();
      for (const value of values) if (typeof value === 'string') codes.add(value);
      codesBySource.set(field.source, codes);
    }
  }
  const labels: Record<string, Record<string, string>> = {};
  for (const [id, codes] of codesBySource) {
    const source = sourceOf(definition, id);
    if (source === null || codes.size === 0) continue;
    const found = await findInSource(readers, source, [...codes]);
    if (!found.ok) continue;
    labels[id] = Object.fromEntries(found.value.map((entry) => [entry.value, entry.label]));
  }
  return labels;
}
