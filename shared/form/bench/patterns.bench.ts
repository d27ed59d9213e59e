/**
 * Issue 13, item 2, measured: how long V8's backtracking engine and RE2 (re2js) take on
 * hostile answers to the reported patterns, and how long recheck takes to judge each
 * pattern at publish. Timings belong here, not in tests.
 *
 * npm run bench:patterns
 */
import { backtrackingRisk } from '../backtrackingRisk.ts';
import { re2Pattern } from '../re2Engine.ts';

const HOSTILE: readonly [string, (n: number) => string][] = [
  ['^(a|a)*$', (n) => `${'a'.repeat(n)}!`],
  ['^(a|aa)*$', (n) => `${'a'.repeat(n)}!`],
  ['^(\\w|\\d)+$', (n) => `${'1'.repeat(n)}!`],
  ['^(ab|a)*c$', (n) => 'ab'.repeat(n)],
];

function time(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

console.log('pattern, answer length: V8 | RE2');
for (const [pattern, answer] of HOSTILE) {
  const native = new RegExp(pattern, 'u');
  const re2 = re2Pattern(pattern);
  // V8 doubles per character on the first three: stop at 24 so the bench ends.
  for (const n of [20, 24]) {
    const text = answer(n);
    console.log(
      `${pattern}, ${text.length}: ${ms(time(() => native.test(text)))} | ${ms(time(() => re2.test(text)))}`,
    );
  }
  const long = answer(40_000);
  console.log(`${pattern}, ${long.length}: (V8 not run) | ${ms(time(() => re2.test(long)))}`);
}

console.log('\npattern: recheck verdict, time (first run, then memoised)');
for (const pattern of [
  ...HOSTILE.map(([p]) => p),
  '^[0-9]{5}$',
  '^0[1-9]( ?\\d\\d){4}$',
  '^FR\\d{2}[ ]?(\\d{4}[ ]?){5}\\d{3}$',
  "^[\\p{L}' -]+$",
  '^([a-z]+\\.)*[a-z]+@example\\.fr$',
  '^(\\d+ ?){5}$',
  '^(a{1,100}){1,100}$',
]) {
  let verdict = '';
  const first = time(() => (verdict = backtrackingRisk(pattern).kind));
  const again = time(() => backtrackingRisk(pattern));
  console.log(`${pattern}: ${verdict}, ${ms(first)}, ${ms(again)}`);
}
