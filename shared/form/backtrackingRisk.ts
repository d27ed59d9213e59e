import recheck from 'recheck/lib/browser.js';

/** How a backtracking engine (the browser's) copes with a pattern on a hostile answer. */
export type BacktrackingRisk =
  | { kind: 'safe' }
  | { kind: 'exponential' }
  | { kind: 'polynomial'; degree: number }
  /** recheck could not decide within its time budget. */
  | { kind: 'unknown' };

/**
 * Budget of one analysis. Most patterns take 1–300 ms, a few nestings up to 2 s; past the
 * budget the pattern is refused as too complex to vouch for, so the budget leaves room
 * for a loaded machine (a safe pattern must not be refused because the CPU was busy).
 */
const TIMEOUT_MS = 5000;
/** Verdicts kept, so a designer re-linting on each keystroke analyses a pattern once. */
const MAX_REMEMBERED = 500;
const remembered = new Map<string, BacktrackingRisk>();

/**
 * Whether a `pattern` (already a valid `u`-flag regex) can make a backtracking engine
 * take super-linear time, decided by recheck (automata theory, fuzzing as a fallback):
 * it finds overlapping alternations such as `^(a|aa)*$` or `^(\w|\d)+$` that a syntactic
 * check misses, and accepts bounded nestings such as a phone number `^0\d( ?\d\d){4}$`.
 * The server runs patterns on RE2 and is safe either way; this protects the browser,
 * which validates with its own engine. Deterministic (fixed seed) and pure.
 *
 * @example
 * backtrackingRisk('^(a|a)*$'); // { kind: 'exponential' }
 * backtrackingRisk('^[0-9]{5}$'); // { kind: 'safe' }
 */
export function backtrackingRisk(pattern: string): BacktrackingRisk {
  const known = remembered.get(pattern);
  if (known !== undefined) return known;
  const risk = analyse(pattern);
  if (remembered.size >= MAX_REMEMBERED) remembered.delete(remembered.keys().next().value!);
  remembered.set(pattern, risk);
  return risk;
}

function analyse(pattern: string): BacktrackingRisk {
  const found = recheck.checkSync(pattern, 'u', { timeout: TIMEOUT_MS, randomSeed: 0 });
  if (found.status === 'safe') return { kind: 'safe' };
  if (found.status === 'unknown') return { kind: 'unknown' };
  return found.complexity.type === 'exponential'
    ? { kind: 'exponential' }
    : { kind: 'polynomial', degree: found.complexity.degree };
}
