import type { IncomingMessage } from 'node:http';
import { SESSION_COOKIE } from '../auth/index.ts';

/**
 * The two API calls the agents' app makes first on its queue, exactly as its tRPC client
 * sends them: who is signed in (batched, alone in its batch) and the queue's first page
 * with no filter (a request of its own, 100 rows). Announced with the page, the browser
 * asks for them while the scripts load and the app's own calls take the answers
 * (`e2e/agent.e2e.ts` checks they are taken, so a change to the client that made them
 * differ shows there).
 */
const QUEUE_LANDING_CALLS = [
  `/trpc/auth.me?batch=1&input=${encodeURIComponent('{}')}`,
  `/trpc/queues.list?input=${encodeURIComponent(JSON.stringify({ limit: 100 }))}`,
];

/**
 * The `Link` entries that preload the queue's first data, for a request of the agents'
 * queue with no filter (`/agent/`, the address an agent starts the day on) that carries
 * a session cookie; null otherwise (signed out, the login form shows and nothing of it
 * would be used). The calls are ordinary API calls: the server checks the session and
 * the agent's rights on them as on any other.
 *
 * @example
 * queueLandingPreload(req) // '</trpc/auth.me?batch=1&input=%7B%7D>; rel=preload; as=fetch; crossorigin, …'
 */
export function queueLandingPreload(req: IncomingMessage): string | null {
  const url = new URL(req.url ?? '/', 'http://x');
  if (url.pathname !== '/agent/' || url.search !== '') return null;
  if (!hasSessionCookie(req.headers.cookie)) return null;
  return QUEUE_LANDING_CALLS.map((call) => `<${call}>; rel=preload; as=fetch; crossorigin`).join(
    ', ',
  );
}

function hasSessionCookie(header: string | undefined): boolean {
  return (header ?? '').split(';').some((pair) => pair.trim().startsWith(`${SESSION_COOKIE}=`));
}
