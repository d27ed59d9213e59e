/// <reference lib="webworker" />
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import { warmUpGraph } from './warmUpGraph.ts';

/**
 * Runs ELK off the main thread: a large workflow's layout never freezes the studio.
 * Receives `{ id, graph }` (see `elkGraphOf`), answers `{ id, laid }` or `{ id, error }`.
 */
const elk = new ELK();
const scope = self as unknown as DedicatedWorkerGlobalScope;

/**
 * ELK is a large compiled program that JavaScript engines only make fast once it has
 * run a few times: the first layout of a 60-state circuit took twice as long as the
 * third. The worker starts with the circuit tab, before any layout is asked, so it
 * lays out a small sample circuit meanwhile and the admin's first « Réorganiser » does
 * not pay for that warm-up. Requests wait for it; a failure there changes nothing.
 */
const WARM_UP_RUNS = 3;
const warmedUp = (async () => {
  for (let run = 0; run < WARM_UP_RUNS; run++) await elk.layout(warmUpGraph()).catch(() => null);
})();

scope.onmessage = async (event: MessageEvent<{ id: number; graph: ElkNode }>) => {
  const { id, graph } = event.data;
  await warmedUp;
  try {
    scope.postMessage({ id, laid: await elk.layout(graph) });
  } catch (error) {
    scope.postMessage({ id, error: String(error) });
  }
};
