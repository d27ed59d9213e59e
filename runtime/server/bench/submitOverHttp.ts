import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
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
 * per citizen. Deliberately not the typed tRPC client: its fetch → Response plumbing
 * would spend CPU on the event loop the server shares with the load, and the bench
 * should charge the server only for its own work. Throws unless the answer is 200 with
 * the dossier in `depose`.
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
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  return (draft) => {
    const body = JSON.stringify({
      id: draft.id,
      transition: 'deposer',
      revision: draft.revision,
      idempotencyKey: randomUUID(),
    });
    return new Promise<void>((resolve, reject) => {
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          agent,
          localAddress: session.ip,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            cookie: session.cookie,
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            text += chunk;
          });
          res.on('error', reject);
          res.on('end', () => {
            if (res.statusCode === 200 && text.includes('"state":"depose"')) resolve();
            else
              reject(new Error(`submit ${draft.id}: HTTP ${res.statusCode} ${text.slice(0, 300)}`));
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  };
}
