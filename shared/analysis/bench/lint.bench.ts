/**
 * `npx node shared/analysis/bench/lint.bench.ts`: time of one `lintDefinition` on the
 * social-aid sample, as the designer runs it on every edit. (Node 24 runs TypeScript as
 * is; under tsx the figures come out two to three times higher, as it wraps every
 * closure in a naming helper.) Reported for an unchanged
 * definition (templates already analysed) and for one whose template texts all change
 * each time (the worst keystroke). Each figure is the median of several rounds.
 */
import { socialAidDefinition } from '../../testing/socialAidDefinition.ts';
import { lintDefinition } from '../lintDefinition.ts';

const ROUNDS = 9;
const PER_ROUND = 2_000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function microsPerLint(next: (i: number) => typeof socialAidDefinition): number {
  const rounds: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const inputs = Array.from({ length: PER_ROUND }, (_, i) => next(round * PER_ROUND + i));
    const start = performance.now();
    for (const definition of inputs) lintDefinition(definition);
    rounds.push(((performance.now() - start) * 1000) / PER_ROUND);
  }
  return median(rounds);
}

// Each edit yields a new definition object, as the designer's reducer does.
const unchanged = microsPerLint(() => ({ ...socialAidDefinition }));
const editedTemplates = microsPerLint((i) => ({
  ...socialAidDefinition,
  notifications: socialAidDefinition.notifications.map((n) => ({ ...n, body: `${n.body} ${i}` })),
  letters: socialAidDefinition.letters.map((l) => ({ ...l, body: `${l.body} ${i}` })),
}));
console.log(`lintDefinition, sample unchanged:        ${unchanged.toFixed(1)} µs`);
console.log(`lintDefinition, every template changed: ${editedTemplates.toFixed(1)} µs`);
