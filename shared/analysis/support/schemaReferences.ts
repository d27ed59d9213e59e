import { ITEMS, type Segment } from './fieldTree.ts';
import { childPointer } from './pointer.ts';
import { isObject, objectEntries, stringEntries } from './shapes.ts';

/** A field named by a JSON Schema, where it is named. */
export interface FieldReference {
  path: Segment[];
  pointer: string;
  /** `required` (or `dependentRequired`) names the field; otherwise a `properties` key. */
  kind: 'property' | 'required';
  /** Under `if` or `not`: a test on the data, not a requirement. */
  inCondition: boolean;
}

const MAX_DEPTH = 32;

/**
 * Every field a data schema names (guard, routing condition, page check, the form
 * itself), with dotted paths for nested objects and `ITEMS` for array elements.
 *
 * @example
 * collectSchemaReferences({ properties: { revenu: { maximum: 1500 } }, required: ['revenu'] }, '/guard');
 * // [{ path: ['revenu'], pointer: '/guard/properties/revenu', kind: 'property', … },
 * //  { path: ['revenu'], pointer: '/guard/required/0', kind: 'required', … }]
 */
export function collectSchemaReferences(schema: unknown, base: string): FieldReference[] {
  const out: FieldReference[] = [];
  walk(schema, { pointer: base, prefix: [], inCondition: false, depth: 0 }, out);
  return out;
}

interface Place {
  pointer: string;
  prefix: Segment[];
  inCondition: boolean;
  depth: number;
}

function walk(schema: unknown, at: Place, out: FieldReference[]): void {
  if (!isObject(schema) || at.depth > MAX_DEPTH) return;
  const here = (...tokens: Array<string | number>) => childPointer(at.pointer, ...tokens);
  const next = (pointer: string, prefix = at.prefix, inCondition = at.inCondition): Place => ({
    pointer,
    prefix,
    inCondition,
    depth: at.depth + 1,
  });
  const name = (field: string, pointer: string, kind: FieldReference['kind']) =>
    out.push({ path: [...at.prefix, field], pointer, kind, inCondition: at.inCondition });

  for (const [field, sub] of objectEntries(schema['properties'])) {
    name(field, here('properties', field), 'property');
    walk(sub, next(here('properties', field), [...at.prefix, field]), out);
  }
  for (const [field, index] of stringEntries(schema['required'])) {
    name(field, here('required', index), 'required');
  }
  for (const [field, needed] of objectEntries(schema['dependentRequired'])) {
    name(field, here('dependentRequired', field), 'property');
    for (const [other, index] of stringEntries(needed)) {
      name(other, here('dependentRequired', field, index), 'required');
    }
  }
  for (const [field, sub] of objectEntries(schema['dependentSchemas'])) {
    name(field, here('dependentSchemas', field), 'property');
    walk(sub, next(here('dependentSchemas', field)), out);
  }
  for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
    const list = schema[key];
    if (Array.isArray(list))
      list.forEach((sub, i) => {
        walk(sub, next(here(key, i)), out);
      });
  }
  for (const key of ['then', 'else', 'if', 'not'] as const) {
    if (isObject(schema[key]))
      walk(
        schema[key],
        next(here(key), at.prefix, at.inCondition || key === 'if' || key === 'not'),
        out,
      );
  }
  const items: Segment[] = [...at.prefix, ITEMS];
  for (const key of ['items', 'contains'] as const) {
    if (isObject(schema[key])) walk(schema[key], next(here(key), items), out);
  }
  const prefixItems = schema['prefixItems'];
  if (Array.isArray(prefixItems)) {
    prefixItems.forEach((sub, i) => {
      walk(sub, next(here('prefixItems', i), items), out);
    });
  }
}
