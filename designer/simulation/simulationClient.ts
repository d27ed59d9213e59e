import type { DemarcheDefinition, FormPage } from '../../shared/definition/index.ts';
import type { TestCaseOutcome } from '../../shared/engine/index.ts';
import type { PreviewPages } from './previewPages.ts';
import type { SimulationStep } from './replaySimulation.ts';
import SimulationWorker from './simulation.worker.ts?worker';
import type { ReplayAnswer, SimulationAnswer } from './simulationMessages.ts';

let worker: Worker | undefined;
let lastId = 0;
const waiting = new Map<number, (answer: SimulationAnswer) => void>();

/** One worker for the page, started at the first simulation (bundled from our own origin). */
function simulationWorker(): Worker {
  if (worker) return worker;
  worker = new SimulationWorker();
  worker.onmessage = (event: MessageEvent<SimulationAnswer>) => {
    const done = waiting.get(event.data.id);
    waiting.delete(event.data.id);
    done?.(event.data);
  };
  worker.onerror = () => {
    for (const [id, done] of waiting) done({ id, ok: false, message: 'simulation worker failed' });
    waiting.clear();
  };
  return worker;
}

function ask(request: Record<string, unknown>): Promise<SimulationAnswer> {
  lastId += 1;
  const id = lastId;
  const answer = new Promise<SimulationAnswer>((resolve) => waiting.set(id, resolve));
  simulationWorker().postMessage({ ...request, id });
  return answer;
}

/** Why a run could not be played, in French, for the panel to show. */
export class SimulationFailure extends Error {}

/**
 * Replays a simulation of the draft in the worker (see `replaySimulation`).
 *
 * @example
 * const { view, mails } = await replayInWorker(definition, data, steps, startedAt);
 */
export async function replayInWorker(
  definition: DemarcheDefinition,
  data: Record<string, unknown>,
  steps: SimulationStep[],
  startedAt: Date,
): Promise<ReplayAnswer> {
  const answer = await ask({
    kind: 'replay',
    definition,
    data,
    steps,
    startedAt: startedAt.toISOString(),
  });
  if (!answer.ok) throw new SimulationFailure(answer.message);
  if (answer.kind !== 'replay') throw new SimulationFailure('unexpected answer');
  return answer.value;
}

/** Runs every test case of the draft in the worker, with the shared `runTestCase`. */
export async function runTestsInWorker(
  definition: DemarcheDefinition,
  startedAt: Date,
): Promise<TestCaseOutcome[]> {
  const answer = await ask({ kind: 'tests', definition, startedAt: startedAt.toISOString() });
  if (!answer.ok) throw new SimulationFailure(answer.message);
  if (answer.kind !== 'tests') throw new SimulationFailure('unexpected answer');
  return answer.value;
}

/** The pages and fields the citizen would not see for `data` (see `previewPages`). */
export async function previewPagesInWorker(
  pages: FormPage[] | undefined,
  data: Record<string, unknown>,
): Promise<PreviewPages> {
  const answer = await ask({ kind: 'pages', pages, data });
  if (!answer.ok) throw new SimulationFailure(answer.message);
  if (answer.kind !== 'pages') throw new SimulationFailure('unexpected answer');
  return answer.value;
}
