import { parentPort, workerData } from 'node:worker_threads';
import { type CitizenSession, submitOverHttp } from './submitOverHttp.ts';

/**
 * The worker thread of `httpClientsInWorker`: the citizens' HTTP connections live here,
 * so building requests and parsing answers costs the server's event loop nothing, as
 * with clients on other machines.
 */
const { baseUrl, sessions } = workerData as { baseUrl: string; sessions: CitizenSession[] };
const submitters = sessions.map((session) => submitOverHttp(baseUrl, session));

parentPort?.on('message', (call: { id: number; client: number; draft: never }) => {
  submitters[call.client]!(call.draft).then(
    () => parentPort?.postMessage({ id: call.id }),
    (error: unknown) => parentPort?.postMessage({ id: call.id, error: String(error) }),
  );
});
