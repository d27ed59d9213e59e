import { Worker } from 'node:worker_threads';
import type { RunSample } from './runConcurrent.ts';
import type { BenchDraft } from './seedBenchDrafts.ts';
import type { CitizenSession } from './submitOverHttp.ts';

export interface WorkerClients {
  /** Runs every client at once through its drafts (`drafts[client]`), in the worker. */
  run(drafts: BenchDraft[][]): Promise<RunSample>;
  close(): Promise<void>;
}

/**
 * The 16 HTTP clients of the server side, run in a worker thread (`httpClientsWorker`):
 * a real server does not share its thread with its clients (in-process clients cost it
 * about 7 % of its CPU), nor hears from them but through its sockets. The worker times
 * each submit itself and sends back the whole run's sample, so the server's thread sees
 * one message per run, not two per submit.
 *
 * @example
 * const clients = await httpClientsInWorker(bench.url, bench.sessions);
 * const sample = await clients.run(draftsPerClient);
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
  const pending = new Map<
    number,
    { resolve(sample: RunSample): void; reject(error: Error): void }
  >();
  let next = 0;
  worker.on('message', (answer: { id: number; sample: RunSample }) => {
    pending.get(answer.id)?.resolve(answer.sample);
    pending.delete(answer.id);
  });
  worker.on('error', (error) => {
    for (const call of pending.values()) call.reject(error);
    pending.clear();
  });
  return {
    run: (drafts) =>
      new Promise<RunSample>((resolve, reject) => {
        next += 1;
        pending.set(next, { resolve, reject });
        worker.postMessage({ id: next, drafts });
      }),
    close: async () => {
      await worker.terminate();
    },
  };
}
