import { ASSERTIONS, compiledPattern } from './interpretedAssertions.ts';
import { allOfVerdicts, countWithin, negated, type SchemaVerdict } from './schemaVerdict.ts';

type Schema = Readonly<Record<string, unknown>>;

/** Where a schema is read: the document `#…` references point into, and how deep we are. */
interface Place {
  base: unknown;
  depth: number;
}

type Applicator = (value: unknown, data: unknown, schema: Schema, at: Place) => SchemaVerdict;

/** Past this many nested schemas (a `$ref` recursing with the data), nothing is decided. */
const MAX_DEPTH = 100;

/** Keywords that describe and never check, or that their neighbour reads (`then`). */
const SAYS_NOTHING = new Set([
  '$schema',
  '$id',
  '$anchor',
  '$comment',
  '$defs',
  'title',
  'description',
  'default',
  'examples',
  'readOnly',
  'writeOnly',
  'deprecated',
  'contentMediaType',
  'contentEncoding',
  'contentSchema',
  'then',
  'else',
  'minContains',
  'maxContains',
]);

/**
 * Checks `data` against a JSON Schema by reading it — nothing is compiled, so a page
 * whose policy forbids generated code (the studio's) can decide a form's conditions
 * (`if`) and RJSF's choices between options as the citizen's precompiled validators do.
 * It reads JSON Schema 2020-12 as the form dialect has it (`createFormAjv`): every
 * assertion (`interpretedAssertions.ts`), the applicators, local `$ref`s (`#/…`), `x-file`
 * and `x-source`. What it does not read — `unevaluated*`, `$dynamicRef`, a reference to
 * another document or an anchor, an unknown keyword or format — leaves the answer
 * undecided unless the rest already fails: it never answers otherwise than ajv would.
 *
 * @example
 * interpretSchema({ properties: { situation: { const: 'couple' } }, required: ['situation'] },
 *   { situation: 'couple' }); // 'holds'
 */
export function interpretSchema(
  schema: unknown,
  data: unknown,
  root: unknown = schema,
): SchemaVerdict {
  return check(schema, data, { base: root, depth: 0 });
}

function check(schema: unknown, data: unknown, from: Place): SchemaVerdict {
  if (schema === true) return 'holds';
  if (schema === false) return 'fails';
  if (!isObject(schema) || from.depth > MAX_DEPTH) return 'undecided';
  // A schema with its own `$id` is a document of its own for the references inside it.
  const at = {
    base: typeof schema['$id'] === 'string' ? schema : from.base,
    depth: from.depth + 1,
  };
  let result: SchemaVerdict = 'holds';
  for (const [keyword, value] of Object.entries(schema)) {
    if (SAYS_NOTHING.has(keyword)) continue;
    const assertion = ASSERTIONS[keyword];
    const applicator = APPLICATORS[keyword];
    let verdict: SchemaVerdict = 'undecided';
    if (assertion) verdict = assertion(value, data, schema);
    else if (applicator) verdict = applicator(value, data, schema, at);
    if (verdict === 'fails') return verdict;
    if (verdict === 'undecided') result = verdict;
  }
  return result;
}

/** The keywords that apply sub-schemas to the value or to its parts. */
const APPLICATORS: Readonly<Record<string, Applicator>> = {
  allOf: (value, data, _schema, at) =>
    nonEmpty(value) ? allOfVerdicts(value.map((sub) => check(sub, data, at))) : 'undecided',
  anyOf: (value, data, _schema, at) =>
    nonEmpty(value)
      ? countWithin(
          value.map((sub) => check(sub, data, at)),
          1,
          Number.POSITIVE_INFINITY,
        )
      : 'undecided',
  oneOf: (value, data, _schema, at) =>
    nonEmpty(value)
      ? countWithin(
          value.map((sub) => check(sub, data, at)),
          1,
          1,
        )
      : 'undecided',
  not: (value, data, _schema, at) => negated(check(value, data, at)),
  if: (value, data, schema, at) => {
    const test = check(value, data, at);
    const branch = (name: string): SchemaVerdict =>
      schema[name] === undefined ? 'holds' : check(schema[name], data, at);
    if (test === 'holds') return branch('then');
    if (test === 'fails') return branch('else');
    const [then, otherwise] = [branch('then'), branch('else')];
    return then === otherwise ? then : 'undecided';
  },
  $ref: (value, data, _schema, at) => {
    const target = typeof value === 'string' ? resolveLocal(at.base, value) : undefined;
    return target === undefined ? 'undecided' : check(target, data, at);
  },

  properties: (value, data, _schema, at) => {
    if (!isObject(data)) return 'holds';
    if (!isObject(value)) return 'undecided';
    return allOfVerdicts(
      Object.entries(value)
        .filter(([name]) => data[name] !== undefined)
        .map(([name, sub]) => check(sub, data[name], at)),
    );
  },
  patternProperties: (value, data, _schema, at) => {
    if (!isObject(data)) return 'holds';
    if (!isObject(value)) return 'undecided';
    const verdicts: SchemaVerdict[] = [];
    for (const [source, sub] of Object.entries(value)) {
      const pattern = compiledPattern(source);
      if (pattern === null) return 'undecided';
      for (const name of Object.keys(data)) {
        if (pattern.test(name)) verdicts.push(check(sub, data[name], at));
      }
    }
    return allOfVerdicts(verdicts);
  },
  additionalProperties: (value, data, schema, at) => {
    if (!isObject(data)) return 'holds';
    const declared = isObject(schema['properties']) ? schema['properties'] : {};
    const patterns = Object.keys(
      isObject(schema['patternProperties']) ? schema['patternProperties'] : {},
    ).map(compiledPattern);
    if (patterns.includes(null)) return 'undecided';
    return allOfVerdicts(
      Object.keys(data)
        .filter((name) => !Object.hasOwn(declared, name))
        .filter((name) => !patterns.some((pattern) => pattern!.test(name)))
        .map((name) => check(value, data[name], at)),
    );
  },
  propertyNames: (value, data, _schema, at) =>
    isObject(data)
      ? allOfVerdicts(Object.keys(data).map((name) => check(value, name, at)))
      : 'holds',
  dependentSchemas: (value, data, _schema, at) => {
    if (!isObject(data)) return 'holds';
    if (!isObject(value)) return 'undecided';
    return allOfVerdicts(
      Object.entries(value)
        .filter(([name]) => data[name] !== undefined)
        .map(([, sub]) => check(sub, data, at)),
    );
  },

  prefixItems: (value, data, _schema, at) => {
    if (!Array.isArray(data)) return 'holds';
    if (!Array.isArray(value)) return 'undecided';
    return allOfVerdicts(data.slice(0, value.length).map((item, i) => check(value[i], item, at)));
  },
  items: (value, data, schema, at) => {
    if (!Array.isArray(data)) return 'holds';
    const prefix = schema['prefixItems'];
    const skipped = Array.isArray(prefix) ? prefix.length : 0;
    return allOfVerdicts(data.slice(skipped).map((item) => check(value, item, at)));
  },
  contains: (value, data, schema, at) => {
    if (!Array.isArray(data)) return 'holds';
    const min = schema['minContains'] ?? 1;
    const max = schema['maxContains'] ?? Number.POSITIVE_INFINITY;
    if (typeof min !== 'number' || typeof max !== 'number') return 'undecided';
    if (min === 0 && max === Number.POSITIVE_INFINITY) return 'holds';
    if (min > max) return 'fails';
    return countWithin(
      data.map((item) => check(value, item, at)),
      min,
      max,
    );
  },

  // The dialect's keywords state their value's shape (`fileFieldKeyword`, `sourceFieldKeyword`).
  'x-file': (_value, data, _schema, at) =>
    check({ type: 'array', items: { type: 'string', format: 'attachment-id' } }, data, at),
  'x-source': (_value, data, _schema, at) => check({ type: 'string' }, data, at),
};

/** `#` or `#/json/pointer` inside `base`; anything else (another document, an anchor): undefined. */
function resolveLocal(base: unknown, reference: string): unknown {
  if (reference === '#') return base;
  if (!reference.startsWith('#/')) return undefined;
  let target = base;
  for (const raw of reference.slice(2).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
    } catch {
      return undefined;
    }
    if (typeof target !== 'object' || target === null || !Object.hasOwn(target, segment)) {
      return undefined;
    }
    target = (target as Record<string, unknown>)[segment];
  }
  return target;
}

function nonEmpty(value: unknown): value is unknown[] {
  return Array.isArray(value) && value.length > 0;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
