import { childPointer } from './pointer.ts';
import { isObject, objectEntries, stringEntries } from './shapes.ts';

/** A top-level field the form requires, always or under some condition. */
export interface Requirement {
  name: string;
  pointer: string;
}

/**
 * The top-level fields a form schema requires: its `required`, and those of `allOf`,
 * `then`, `else`, `dependentSchemas` and `dependentRequired` — every way a field becomes
 * mandatory for the citizen. `anyOf`/`oneOf` are left out: another branch may be met
 * without the field. `if` and `not` only test data.
 *
 * @example
 * rootRequirements({ required: ['nom'], then: { required: ['conjoint'] } }, '/form/schema');
 * // [{ name: 'nom', pointer: '/form/schema/required/0' },
 * //  { name: 'conjoint', pointer: '/form/schema/then/required/0' }]
 */
export function rootRequirements(schema: unknown, base: string): Requirement[] {
  const out: Requirement[] = [];
  collect(schema, base, out, 0);
  return out;
}

function collect(schema: unknown, at: string, out: Requirement[], depth: number): void {
  if (!isObject(schema) || depth > 16) return;
  for (const [name, i] of stringEntries(schema['required'])) {
    out.push({ name, pointer: childPointer(at, 'required', i) });
  }
  for (const [field, names] of objectEntries(schema['dependentRequired'])) {
    for (const [name, i] of stringEntries(names)) {
      out.push({ name, pointer: childPointer(at, 'dependentRequired', field, i) });
    }
  }
  const allOf = schema['allOf'];
  if (Array.isArray(allOf)) {
    allOf.forEach((sub, i) => {
      collect(sub, childPointer(at, 'allOf', i), out, depth + 1);
    });
  }
  collect(schema['then'], childPointer(at, 'then'), out, depth + 1);
  collect(schema['else'], childPointer(at, 'else'), out, depth + 1);
  for (const [field, sub] of objectEntries(schema['dependentSchemas'])) {
    collect(sub, childPointer(at, 'dependentSchemas', field), out, depth + 1);
  }
}
