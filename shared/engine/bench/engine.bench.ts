/**
 * `npm run bench:engine`: transitions per second of the engine's `apply` against XState v5
 * on the same six-state démarche with three guards (docs/CONTRIBUTING.md, « Benchmarks »: apply must be at least
 * as fast as a started XState actor's `send`). XState's pure `transition()` is printed for
 * information. Each figure is the median of several timed rounds after a warm-up.
 */
import { createActor, initialTransition, transition } from 'xstate';
import { apply } from '../apply.ts';
import type { Actor, DossierSnapshot } from '../types.ts';
import { benchCycle, benchData, benchDefinition } from './benchDefinition.ts';
import { benchMachine } from './benchMachine.ts';

const LOOPS = 500;
const ROUNDS = 9;
const ROUND_MS = 300;
const cycle = benchCycle(LOOPS);

const applicant: Actor = { id: 'citoyen-1', roles: [], units: [] };
const agent: Actor = { id: 'agent-1', roles: ['agent'], units: ['ccas'] };
const steps = cycle.map((step) => ({
  transition: step.transition,
  actor: step.by === 'agent' ? agent : applicant,
}));
const fresh: DossierSnapshot = {
  id: 'd-1',
  reference: 'BENCH-2026-000001',
  state: 'brouillon',
  revision: 0,
  data: benchData,
  applicantId: applicant.id,
  unit: 'ccas',
  assigneeId: null,
  priority: 'normal',
  createdAt: '2026-01-05T09:00:00.000Z',
  enteredStateAt: '2026-01-05T09:00:00.000Z',
  dueAt: null,
};

/** One full cycle through our engine, with the revision check on every action. */
function engineCycle(): number {
  const now = new Date();
  let dossier = fresh;
  for (const step of steps) {
    const action = { transition: step.transition, revision: dossier.revision };
    const result = apply(benchDefinition, dossier, action, undefined, step.actor, now);
    if (!result.ok) throw new Error(`apply failed: ${JSON.stringify(result.error)}`);
    dossier = result.value.dossier;
  }
  if (dossier.state !== 'accepte') throw new Error(`engine ended in ${dossier.state}`);
  return steps.length;
}

type BenchEvent = Parameters<ReturnType<typeof createActor<typeof benchMachine>>['send']>[0];
const event = (step: (typeof cycle)[number]): BenchEvent =>
  ({ type: step.transition, actorId: agent.id }) as BenchEvent;

/** The same cycle sent to a started actor: XState's fastest path. */
function xstateSendCycle(): number {
  const actor = createActor(benchMachine).start();
  for (const step of cycle) actor.send(event(step));
  if (actor.getSnapshot().value !== 'accepte') throw new Error('xstate send did not accept');
  return cycle.length;
}

/** The same cycle through XState's pure `transition()`. */
function xstatePureCycle(): number {
  let [snapshot] = initialTransition(benchMachine);
  for (const step of cycle) [snapshot] = transition(benchMachine, snapshot, event(step));
  if (snapshot.value !== 'accepte') throw new Error('xstate transition() did not accept');
  return cycle.length;
}

/** Median transitions per second over timed rounds, after a warm-up of the same length. */
function measure(run: () => number): number {
  const rates: number[] = [];
  for (let round = -2; round < ROUNDS; round++) {
    let count = 0;
    const start = performance.now();
    let elapsed = 0;
    while (elapsed < ROUND_MS) {
      count += run();
      elapsed = performance.now() - start;
    }
    if (round >= 0) rates.push((count / elapsed) * 1000);
  }
  rates.sort((a, b) => a - b);
  return rates[Math.floor(rates.length / 2)] ?? 0;
}

const format = (rate: number): string =>
  `${Math.round(rate).toLocaleString('en-US').padStart(12)} transitions/s`;

const engineRate = measure(engineCycle);
const sendRate = measure(xstateSendCycle);
const pureRate = measure(xstatePureCycle);
const ratio = engineRate / sendRate;

console.log(`Engine benchmark: 6 states, 3 guards, ${cycle.length} transitions per cycle`);
console.log(`  guichet apply            ${format(engineRate)}`);
console.log(`  xstate actor.send        ${format(sendRate)}`);
console.log(`  xstate transition()      ${format(pureRate)}  (information)`);
console.log(`  ratio apply / send       ${ratio.toFixed(2)}  (target >= 1.00)`);
if (ratio < 1) {
  console.log('  BELOW TARGET');
  process.exitCode = 1;
}
