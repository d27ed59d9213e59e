/// <reference lib="webworker" />
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api.js';

/**
 * Runs ELK off the main thread: a large workflow's layout never freezes the studio.
 * Receives `{ id, graph }` (see `elkGraphOf`), answers `{ id, laid }` or `{ id, error }`.
 */
const elk = new ELK();
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (event: MessageEvent<{ id: number; graph: ElkNode }>) => {
  const { id, graph } = event.data;
  try {
    scope.postMessage({ id, laid: await elk.layout(graph) });
  } catch (error) {
    scope.postMessage({ id, error: String(error) });
  }
};
