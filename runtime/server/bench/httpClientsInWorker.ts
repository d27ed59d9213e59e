import { Worker } from 'node:worker_threads';
import type { BenchDraft } from './seedBenchDrafts.ts';
import type { CitizenSession } from './submitOverHttp.ts';

export interface WorkerClients {
  /** One per session: submits a draft over that citizen's connection, in the worker. */
  submitters: Array<(draft: BenchDraft) => Promise<void>>;
  close(): Promise<void>;
}

/**
 * The 16 HTTP clients of the server side, run in a worker thread (`httpClientsWorker`):
 * a real server does not share its thread with its clients, and the in-process clients
 * cost it about 7 % of its CPU. Each call crosses to the worker and back by message,
 * which the latency includes (microseconds).
 *
 * @example
 * const clients = await httpClientsInWorker(bench.url, bench.sessions);
 * await clients.submitters[0](draft);
 * await clients.close();
 */
export async function httpClientsInWorker(
  baseUrl: string,
  sessions: CitizenSession[],
): Promise<WorkerClients> {
  const worker = new Worker(new URL('./httpClientsWorker.ts', import.meta.url), {
    workerData: { baseUrl, sessions },
  });
  await new Promise<void>((resolve, reject) => {
    worker.once('online', resolve);
    worker.once('error', reject);
  });
  const pending = new Map<number, { resolve(): void; reject(error: Error): void }>();
  let next = 0;
  worker.on('message', (answer: { id: number; error?: string }) => {
    const call = pending.get(answer.id);
    pending.delete(answer.id);
    if (answer.error === undefined) call?.resolve();
    else call?.reject(new Error(answer.error));
  });
  worker.on('error', (error) => {
    for (const call of pending.values()) call.reject(error);
    pending.clear();
  });
  return {
    submitters: sessions.map(
      (_, client) => (draft) =>
        new Promise<void>((resolve, reject) => {
          next += 1;
          pending.set(next, { resolve, reject });
          worker.postMessage({ id: next, client, draft });
        }),
    ),
    close: async () => {
      await worker.terminate();
    },
  };
}
