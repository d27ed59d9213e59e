import { dereference, type Schema, validate } from '@cfworker/json-schema';
import { adaptToCfworker } from './cfworkerDialect.ts';

/** Where the references of a form resolve: `#/…` is read against this made-up address. */
const FORM_URI = 'https://formulaire.invalid/schema';

/** A schema copied and adapted for the library, or null when the library cannot decide it. */
type Prepared = Schema | boolean | null;

/** Lookups of references, one per root form object (a new form object is a new root). */
const lookups = new WeakMap<object, Record<string, Schema | boolean> | null>();
/** Adapted copies, one per schema object (RJSF asks about the same condition again and again). */
const prepared = new WeakMap<object, Prepared>();

/**
 * Whether `data` is known to satisfy a JSON Schema of the form dialect, without compiling
 * it: `@cfworker/json-schema` interprets the schema (no `eval`), so a page whose policy
 * forbids generated code — the studio's — decides a form's conditions (`if`) and RJSF's
 * choices between options as the citizen's precompiled ajv validators do. Local
 * references resolve in `root` (the whole form; RJSF hands over a part of it). False also
 * when the answer cannot be known here (`adaptToCfworker`: an unknown keyword or format,
 * a format about numbers, a pattern RE2 refuses, `$dynamicRef`; a reference that does not
 * resolve), so a condition stays closed rather than opening where ajv would not.
 *
 * Schemas are treated as values: each object is copied and adapted once (the library
 * marks the schemas it reads), so a schema must not be changed in place after a call.
 *
 * @example
 * schemaHolds({ properties: { situation: { const: 'couple' } }, required: ['situation'] },
 *   { situation: 'couple' }); // true
 */
export function schemaHolds(schema: unknown, data: unknown, root: unknown = schema): boolean {
  const lookup = lookupOf(root);
  const condition = preparedCopy(schema);
  if (lookup === null || condition === null) return false;
  try {
    return validate(withoutUndefined(data), condition, '2020-12', lookup).valid;
  } catch {
    // A reference that resolves nowhere (another document, a missing `$defs` entry).
    return false;
  }
}

function lookupOf(root: unknown): Record<string, Schema | boolean> | null {
  if (typeof root !== 'object' || root === null) return lookupFor(preparedCopy(root));
  if (!lookups.has(root)) lookups.set(root, lookupFor(preparedCopy(root)));
  return lookups.get(root) ?? null;
}

function lookupFor(root: Prepared): Record<string, Schema | boolean> | null {
  if (root === null) return null;
  try {
    return dereference(root, Object.create(null), new URL(FORM_URI));
  } catch {
    return null; // two schemas claiming one `$id`
  }
}

/** An adapted copy of `schema` whose own references point into the form (`FORM_URI`). */
function preparedCopy(schema: unknown): Prepared {
  if (typeof schema === 'boolean') return schema;
  if (typeof schema !== 'object' || schema === null) return null;
  let copy = prepared.get(schema);
  if (copy === undefined) {
    copy = structuredClone(schema) as Schema;
    if (!adaptToCfworker(copy) || lookupFor(copy) === null) copy = null;
    prepared.set(schema, copy);
  }
  return copy;
}

/**
 * The data as JSON has it: RJSF keeps a cleared answer as `undefined`, which ajv reads as
 * absent (`required` fails) and the library as present.
 */
function withoutUndefined(data: unknown): unknown {
  if (Array.isArray(data)) return data.map(withoutUndefined);
  if (typeof data !== 'object' || data === null) return data;
  return Object.fromEntries(
    Object.entries(data)
      .filter(([, value]) => value !== undefined)
      .map(([name, value]) => [name, withoutUndefined(value)]),
  );
}
