import safeRegex from 'safe-regex2';

/** A repetition of at most this many rounds only multiplies the work by a constant. */
const SMALL_REPEAT = 10;
/** safe-regex2's default: past 25 quantifiers even flat patterns backtrack badly. */
const MAX_REPETITIONS = 25;
/** Bound on the rounds of nested small repetitions (`(\d{4} ?){5}` is 20). */
const MAX_NESTED_ROUNDS = 1000;

/**
 * Whether a `pattern` (or `patternProperties` key) is safe to run on citizen input: no
 * catastrophic backtracking such as `(a+)+$` (SECURITY.md item 13).
 *
 * safe-regex2 (fastify's check) refuses any repetition nested in another, which also
 * refuses common French patterns such as a phone number `^0\d( ?\d\d){4}$` or an IBAN.
 * A pattern it refuses is still accepted when every nested repetition, inner and outer,
 * is bounded by a few rounds: such nesting costs a constant factor, never an explosion.
 * The pattern must already be a valid `u`-flag regex.
 *
 * @example
 * isSafePattern('^0[1-9]( ?\\d\\d){4}$'); // true
 * isSafePattern('(a+)+$'); // false
 */
export function isSafePattern(pattern: string): boolean {
  return safeRegex(pattern) || nestsOnlySmallRepetitions(pattern);
}

/** What one group contains, as far as repetitions go. */
interface Group {
  repeats: boolean;
  unbounded: boolean;
  /** Largest product of rounds along a nesting path inside the group. */
  rounds: number;
}

function nestsOnlySmallRepetitions(pattern: string): boolean {
  const stack: Group[] = [{ repeats: false, unbounded: false, rounds: 1 }];
  // What a quantifier at the current position would repeat.
  let last: Group | 'atom' | null = null;
  let quantifiers = 0;
  const flush = () => {
    if (last !== null && last !== 'atom') merge(stack.at(-1)!, last);
  };
  let i = 0;
  while (i < pattern.length) {
    const quantifier = readQuantifier(pattern, i);
    if (quantifier !== null) {
      quantifiers++;
      if (quantifiers > MAX_REPETITIONS || last === null) return false;
      const large = quantifier.max > SMALL_REPEAT;
      const inner = last === 'atom' ? { repeats: false, unbounded: false, rounds: 1 } : last;
      const rounds = quantifier.max * inner.rounds;
      if (inner.repeats && (large || inner.unbounded || rounds > MAX_NESTED_ROUNDS)) return false;
      merge(stack.at(-1)!, { repeats: true, unbounded: large || inner.unbounded, rounds });
      last = null;
      i = quantifier.end;
      continue;
    }
    const char = pattern[i];
    flush();
    if (char === '(') {
      stack.push({ repeats: false, unbounded: false, rounds: 1 });
      last = null;
      i = skipGroupPrefix(pattern, i + 1);
    } else if (char === ')') {
      if (stack.length === 1) return false;
      last = stack.pop()!;
      i++;
    } else if (char === '|' || char === '^' || char === '$') {
      last = null;
      i++;
    } else {
      last = 'atom';
      i = char === '\\' ? skipEscape(pattern, i) : char === '[' ? skipClass(pattern, i) : i + 1;
    }
  }
  return stack.length === 1;
}

function merge(into: Group, from: Group): void {
  into.repeats ||= from.repeats;
  into.unbounded ||= from.unbounded;
  into.rounds = Math.max(into.rounds, from.rounds);
}

function readQuantifier(pattern: string, i: number): { max: number; end: number } | null {
  const char = pattern[i];
  let max: number;
  let end = i + 1;
  if (char === '*' || char === '+') max = Number.POSITIVE_INFINITY;
  else if (char === '?') max = 1;
  else if (char === '{') {
    const braces = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i, i + 24));
    if (braces === null) return null;
    const upper = braces[2] === undefined ? braces[1] : braces[3];
    max = upper === '' || upper === undefined ? Number.POSITIVE_INFINITY : Number(upper);
    end = i + braces[0].length;
  } else return null;
  // A lazy marker (`+?`) changes the order of tries, not their number.
  if (pattern[end] === '?') end++;
  return { max, end };
}

function skipGroupPrefix(pattern: string, i: number): number {
  if (pattern[i] !== '?') return i;
  const kind = pattern[i + 1];
  if (kind === '<' && pattern[i + 2] !== '=' && pattern[i + 2] !== '!') {
    return after(pattern, '>', i); // named group `(?<name>`
  }
  return kind === '<' ? i + 3 : i + 2; // `(?<=`, `(?<!`, `(?:`, `(?=`, `(?!`
}

function skipEscape(pattern: string, i: number): number {
  const kind = pattern[i + 1];
  // `\p{L}`, `\u{1F600}` and `\k<name>` carry braces that are not quantifiers.
  if ((kind === 'p' || kind === 'P' || kind === 'u') && pattern[i + 2] === '{') {
    return after(pattern, '}', i);
  }
  if (kind === 'k' && pattern[i + 2] === '<') return after(pattern, '>', i);
  return i + 2;
}

function skipClass(pattern: string, i: number): number {
  let j = i + 1;
  while (j < pattern.length && pattern[j] !== ']') j += pattern[j] === '\\' ? 2 : 1;
  return j + 1;
}

/** Index just past the next `char`; the end when there is none, so the scan always ends. */
function after(pattern: string, char: string, from: number): number {
  const at = pattern.indexOf(char, from);
  return at === -1 ? pattern.length : at + 1;
}
