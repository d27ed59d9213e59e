import { randomUUID } from 'node:crypto';
import { LeanHttpConnection } from './leanHttpConnection.ts';
import type { BenchDraft } from './seedBenchDrafts.ts';

/** A signed-in citizen's connection: its session cookie and its loopback address. */
export interface CitizenSession {
  ip: string;
  /** The `Cookie` header value. */
  cookie: string;
  /** `sessions.id` (hash of the token), for the raw diagnostic's session lookup. */
  sessionId: string;
}

/**
 * `dossiers.submit` as a browser sends it: POST `/trpc/dossiers.submit` with the JSON
 * input, the session cookie and a fresh idempotency key, over ONE kept-alive connection
 * per citizen from its own loopback address. Deliberately neither the typed tRPC client
 * nor `node:http`: the load shares the machine's two cores with the server, so it goes
 * through the lightest client that speaks the API (`LeanHttpConnection`). Throws unless
 * the answer is 200 with the dossier in `depose`.
 *
 * @example
 * const submit = submitOverHttp(server.url, session);
 * await submit(draft); // resolves once the dossier is `depose`
 */
export function submitOverHttp(
  baseUrl: string,
  session: CitizenSession,
): (draft: BenchDraft) => Promise<void> {
  const url = new URL('/trpc/dossiers.submit', baseUrl);
  const connection = new LeanHttpConnection({
    host: url.hostname,
    port: Number(url.port),
    localAddress: session.ip,
  });
  const cookie = `Cookie: ${session.cookie}\r\n`;
  return async (draft) => {
    const body = JSON.stringify({
      id: draft.id,
      transition: 'deposer',
      revision: draft.revision,
      idempotencyKey: randomUUID(),
    });
    const answer = await connection.post(url.pathname, cookie, body);
    if (answer.status !== 200 || !answer.body.includes('"state":"depose"')) {
      throw new Error(`submit ${draft.id}: HTTP ${answer.status} ${answer.body.slice(0, 300)}`);
    }
  };
}
