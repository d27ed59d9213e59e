import { quote, quoteList } from './describe.ts';
import type { SchemaObject } from './shapes.ts';

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'du texte',
  number: 'un nombre',
  integer: 'un nombre entier',
  boolean: 'un booléen (oui/non)',
  object: 'un objet',
  array: 'une liste',
  null: 'une valeur vide (null)',
};

/**
 * Why no value can meet the `const` / `enum` / `type` of `schema`, alone or against what
 * the form declares for the same field (`form`: its choices and its type); `null` when
 * some value can. Catches a guard testing a choice the form never offers.
 *
 * @example
 * valuesContradiction({ const: 'veuf' }, [{ type: 'string', enum: ['seul', 'couple'] }], '« situation »');
 * // '« situation » devrait valoir « veuf », qui n’est pas proposé par le formulaire (« seul », « couple »).'
 */
export function valuesContradiction(
  schema: SchemaObject,
  form: readonly SchemaObject[],
  subject: string,
): string | null {
  const hasConst = 'const' in schema;
  const choices = Array.isArray(schema['enum']) ? (schema['enum'] as unknown[]) : undefined;
  const ownTypes = typeList(schema['type']);
  if (choices?.length === 0)
    return `${subject} ne peut prendre aucune valeur : la liste des valeurs permises est vide.`;
  if (hasConst && choices !== undefined && !choices.some((c) => jsonEqual(c, schema['const']))) {
    return `${subject} devrait valoir ${quote(schema['const'])}, qui ne fait pas partie des valeurs permises (${quoteList(choices)}).`;
  }
  let candidates = hasConst ? [schema['const']] : choices;
  if (candidates !== undefined && ownTypes !== undefined) {
    candidates = candidates.filter((v) => matchesType(v, ownTypes));
    if (candidates.length === 0)
      return `${subject} devrait valoir ${values(schema)}, qui n’est pas ${typeNames(ownTypes)}.`;
  }
  for (const constraint of form) {
    const allowed = 'const' in constraint ? [constraint['const']] : constraint['enum'];
    const formTypes = typeList(constraint['type']);
    if (candidates !== undefined) {
      if (Array.isArray(allowed)) {
        candidates = candidates.filter((v) => allowed.some((a) => jsonEqual(a, v)));
        if (candidates.length === 0) {
          return `${subject} devrait valoir ${values(schema)}, qui n’est pas proposé par le formulaire (${quoteList(allowed)}).`;
        }
      }
      if (formTypes !== undefined) {
        candidates = candidates.filter((v) => matchesType(v, formTypes));
        if (candidates.length === 0) {
          return `${subject} devrait valoir ${values(schema)}, alors que le formulaire y attend ${typeNames(formTypes)}.`;
        }
      }
    } else if (
      ownTypes !== undefined &&
      formTypes !== undefined &&
      !typesMeet(ownTypes, formTypes)
    ) {
      return `${subject} devrait être ${typeNames(ownTypes)}, alors que le formulaire y attend ${typeNames(formTypes)}.`;
    }
  }
  return null;
}

function values(schema: SchemaObject): string {
  return 'const' in schema ? quote(schema['const']) : quoteList(schema['enum'] as unknown[]);
}

function typeList(type: unknown): string[] | undefined {
  if (typeof type === 'string') return [type];
  if (Array.isArray(type) && type.every((t) => typeof t === 'string')) return type;
  return undefined;
}

function typeNames(types: readonly string[]): string {
  return types.map((t) => TYPE_NAMES[t] ?? t).join(' ou ');
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function matchesType(value: unknown, types: readonly string[]): boolean {
  const type = jsonType(value);
  return types.includes(type) || (type === 'integer' && types.includes('number'));
}

// `integer` is a subset of `number`, so the two meet.
function typesMeet(a: readonly string[], b: readonly string[]): boolean {
  const widen = (t: string) => (t === 'integer' ? 'number' : t);
  return a.some((x) => b.some((y) => x === y || widen(x) === widen(y)));
}

function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((k) => jsonEqual((a as never)[k], (b as never)[k]));
}
