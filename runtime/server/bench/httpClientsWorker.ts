import { parentPort, workerData } from 'node:worker_threads';
import { runConcurrent } from './runConcurrent.ts';
import type { BenchDraft } from './seedBenchDrafts.ts';
import { type CitizenSession, submitOverHttp } from './submitOverHttp.ts';

/**
 * The worker thread of `httpClientsInWorker`: the citizens' HTTP connections live here,
 * and so does the timing loop, so building requests, parsing answers and counting
 * latencies cost the server's event loop nothing, as with clients on other machines.
 * One message in (each client's drafts for a run), one out (what the run recorded).
 */
const { baseUrl, sessions } = workerData as { baseUrl: string; sessions: CitizenSession[] };
const submitters = sessions.map((session) => submitOverHttp(baseUrl, session));

parentPort?.on('message', async (call: { id: number; drafts: BenchDraft[][] }) => {
  const sample = await runConcurrent(
    call.drafts.map((items, client) => ({ items, run: submitters[client]! })),
  );
  parentPort?.postMessage({ id: call.id, sample });
});
