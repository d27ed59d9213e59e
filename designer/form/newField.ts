import type { DemarcheDefinition } from '../../shared/definition/index.ts';
import type { FieldSpec } from '../editing/index.ts';
import { propertiesOf } from '../editing/index.ts';
import { type FieldKind, fieldKindInfo, uniqueName } from './fieldKinds.ts';

/**
 * The field the palette adds for a kind: a unique property name, the kind's schema, and
 * its UI entry carrying `x-kind`.
 *
 * @example
 * newField(draft, 'amount'); // { name: 'montant', schema: { type: 'number', … }, ui: { 'x-kind': 'amount' } }
 */
export function newField(definition: DemarcheDefinition, kind: FieldKind): FieldSpec {
  const info = fieldKindInfo(kind);
  const name = uniqueName(info.baseName, Object.keys(propertiesOf(definition)));
  const { schema, ui } = info.create(info.defaultTitle);
  return { name, schema, ui: { ...ui, 'x-kind': kind } };
}
