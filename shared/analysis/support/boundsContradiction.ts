import { isNumber, type SchemaObject } from './shapes.ts';

interface Family {
  lower: readonly [inclusive: string, exclusive?: string];
  upper: readonly [inclusive: string, exclusive?: string];
  verb: string;
  unit: string;
}

// Each family is a pair of limits on one measure of the value.
const FAMILIES: readonly Family[] = [
  {
    lower: ['minimum', 'exclusiveMinimum'],
    upper: ['maximum', 'exclusiveMaximum'],
    verb: 'valoir',
    unit: '',
  },
  { lower: ['minLength'], upper: ['maxLength'], verb: 'compter', unit: ' caractère(s)' },
  { lower: ['minItems'], upper: ['maxItems'], verb: 'compter', unit: ' élément(s)' },
  { lower: ['minProperties'], upper: ['maxProperties'], verb: 'compter', unit: ' propriété(s)' },
  {
    lower: ['minContains'],
    upper: ['maxContains'],
    verb: 'contenir',
    unit: ' élément(s) correspondant(s)',
  },
];

interface Bound {
  value: number;
  exclusive: boolean;
  fromForm: boolean;
}

/**
 * Why no value can meet the limits of `schema` (a minimum above a maximum, a minimum
 * length above a maximum length…), alone or together with the limits the form already
 * puts on the same field (`form`); `null` when they can be met. Limits of the form alone
 * are not this check's business: only what the condition adds.
 *
 * @example
 * boundsContradiction({ minimum: 10, maximum: 5 }, [], '« revenu »');
 * // '« revenu » devrait valoir au moins 10 et au plus 5 : aucune valeur ne convient.'
 */
export function boundsContradiction(
  schema: SchemaObject,
  form: readonly SchemaObject[],
  subject: string,
): string | null {
  for (const family of FAMILIES) {
    const own = [...bounds(schema, family.lower, false), ...bounds(schema, family.upper, false)];
    if (own.length === 0) continue;
    const lower = tightest(
      [schema, ...form].flatMap((s) => bounds(s, family.lower, s !== schema)),
      (a, b) => a.value > b.value,
    );
    const upper = tightest(
      [schema, ...form].flatMap((s) => bounds(s, family.upper, s !== schema)),
      (a, b) => a.value < b.value,
    );
    if (lower === undefined || upper === undefined) continue;
    const empty =
      lower.value > upper.value ||
      (lower.value === upper.value && (lower.exclusive || upper.exclusive));
    if (!empty) continue;
    const low = `${lower.exclusive ? 'plus de' : 'au moins'} ${lower.value}${family.unit}`;
    const high = `${upper.exclusive ? 'moins de' : 'au plus'} ${upper.value}${family.unit}`;
    return `${subject} devrait ${family.verb} ${low}${note(lower)} et ${high}${note(upper)} : aucune valeur ne convient.`;
  }
  return null;
}

function bounds(schema: SchemaObject, keys: Family['lower'], fromForm: boolean): Bound[] {
  const out: Bound[] = [];
  const [inclusive, exclusive] = keys;
  const a = schema[inclusive];
  if (isNumber(a)) out.push({ value: a, exclusive: false, fromForm });
  const b = exclusive === undefined ? undefined : schema[exclusive];
  if (isNumber(b)) out.push({ value: b, exclusive: true, fromForm });
  return out;
}

// At equal values an exclusive limit is the tighter one.
function tightest(list: Bound[], tighter: (a: Bound, b: Bound) => boolean): Bound | undefined {
  let best: Bound | undefined;
  for (const bound of list) {
    if (
      best === undefined ||
      tighter(bound, best) ||
      (bound.value === best.value && bound.exclusive && !best.exclusive)
    ) {
      best = bound;
    }
  }
  return best;
}

function note(bound: Bound): string {
  return bound.fromForm ? ' (imposé par le formulaire)' : '';
}
