import type { DomainError } from '../core/domainError.ts';

/** A NUL, or a UTF-16 surrogate without its other half. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is what this refuses.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const unstorable = (text: string) => UNSTORABLE.test(text);

/**
 * The first string of an input — value or object key, at any depth, form data
 * included — that PostgreSQL would refuse to store: `text` and `jsonb` take no NUL
 * character and no lone surrogate (not valid UTF-8), and the refusal surfaced as a
 * 500 from deep inside a service. Checked once at the edge on every procedure's raw
 * input instead, and answered as any invalid field: 400 `INVALID_INPUT`, the field's
 * dotted path in `fieldErrors`, nothing run.
 *
 * Walks with an explicit stack: a deeply nested input must not overflow the call stack.
 *
 * @example
 * unstorableText({ data: { nom: 'a\u0000' } })
 * // { code: 'INVALID_INPUT', fieldErrors: { 'data.nom': ['Ce texte contient un caractère nul…'] }, … }
 */
export function unstorableText(input: unknown): DomainError | null {
  const stack: Array<{ value: unknown; path: string }> = [{ value: input, path: '' }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      if (unstorable(value)) return refusal(path, value);
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    // Object.keys, not Object.entries: five times quicker on a form of 10,000 fields.
    const object = value as Record<string, unknown>;
    for (const key of Object.keys(object)) {
      if (unstorable(key)) return refusal(path, key);
      stack.push({ value: object[key], path: path === '' ? key : `${path}.${key}` });
    }
  }
  return null;
}

function refusal(path: string, text: string): DomainError {
  const what = text.includes('\u0000')
    ? 'un caractère nul (U+0000)'
    : 'un caractère Unicode incomplet (demi-paire de substitution)';
  const field = path === '' ? 'Un texte envoyé' : `Le champ « ${printable(path)} »`;
  return {
    code: 'INVALID_INPUT',
    message: `${field} contient ${what}, qui ne peut pas être enregistré.`,
    fieldErrors: { [printable(path)]: [`Ce texte contient ${what} : retirez-le.`] },
  };
}

/** The path as it can be shown and stored: a hostile key must not break the answer. */
function printable(path: string): string {
  const shown = path.replace(new RegExp(UNSTORABLE.source, 'g'), '\uFFFD');
  // A path 100,000 levels deep would make a 200 kB answer: its start says enough.
  return shown.length > MAX_PATH_LENGTH ? `${shown.slice(0, MAX_PATH_LENGTH)}…` : shown;
}

const MAX_PATH_LENGTH = 200;
