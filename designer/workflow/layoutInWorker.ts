import type { ElkNode } from 'elkjs/lib/elk-api.js';
import type { NodePosition, WorkflowDefinition } from '../../shared/definition/index.ts';
import { elkGraphOf, positionsOfElk } from './elkGraph.ts';
import LayoutWorker from './layout.worker.ts?worker';

type Answer = { id: number; laid?: ElkNode; error?: string };

let worker: Worker | undefined;
let lastId = 0;
const waiting = new Map<
  number,
  { resolve: (laid: ElkNode) => void; reject: (error: Error) => void }
>();

/** One worker for the page, started at the first layout (Vite bundles it from our own origin). */
function layoutWorker(): Worker {
  if (worker) return worker;
  worker = new LayoutWorker();
  worker.onmessage = (event: MessageEvent<Answer>) => {
    const pending = waiting.get(event.data.id);
    waiting.delete(event.data.id);
    if (!pending) return;
    if (event.data.laid) pending.resolve(event.data.laid);
    else pending.reject(new Error(event.data.error ?? 'layout failed'));
  };
  return worker;
}

/**
 * Starts the worker (its script fetched and ELK built) before the first layout is asked,
 * so « Réorganiser » on a circuit whose states are all placed does not wait for it.
 */
export function warmLayoutWorker(): void {
  layoutWorker();
}

/**
 * ELK's positions for every state of the workflow, computed in a Web Worker.
 *
 * @example
 * const positions = await layoutInWorker(definition.workflow);
 */
export function layoutInWorker(
  workflow: WorkflowDefinition,
): Promise<Record<string, NodePosition>> {
  lastId += 1;
  const id = lastId;
  const answer = new Promise<ElkNode>((resolve, reject) => waiting.set(id, { resolve, reject }));
  layoutWorker().postMessage({ id, graph: elkGraphOf(workflow) });
  return answer.then(positionsOfElk);
}
