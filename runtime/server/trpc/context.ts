import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseCookies } from '../core/cookies.ts';
import type { ServerDeps } from '../core/deps.ts';
import { ownedHere } from '../core/hostBoundDeps.ts';
import type { HostTenant } from '../core/hostTenants.ts';
import type { SessionActor } from '../core/sessionActor.ts';

export interface Context {
  deps: ServerDeps;
  requestId: string;
  ip: string;
  userAgent: string;
  cookies: Record<string, string>;
  /** The tenant the request's Host stands for, or null (docs/SECURITY.md §133). */
  hostTenant: HostTenant | null;
  session: SessionActor | null;
  /**
   * The placeholder applicant of the dossier a visitor's pass cookie holds (a dossier
   * filed without an account), or null. Read only by `authedProcedure` for the
   * procedures of `ANONYMOUS_PROCEDURES`, and by the anonymous feature.
   */
  anonymous: SessionActor | null;
  /** Adds a `Set-Cookie` header to the response. */
  setCookie(value: string): void;
  setHeader(name: string, value: string): void;
}

/**
 * Builds the per-request context for the Node HTTP adapter. The session is resolved
 * through `deps.resolveSession` so every process can serve every request: sessions
 * live in PostgreSQL, not in memory.
 *
 * @example
 * trpcHandler({ router: appRouter, endpoint: '/trpc', createContext: contextFactory(deps), maxBodyBytes });
 */
export function contextFactory(deps: ServerDeps) {
  return async ({ req, res }: { req: IncomingMessage; res: ServerResponse }): Promise<Context> => {
    const cookies = parseCookies(req.headers.cookie);
    const requestId = randomUUID();
    res.setHeader('X-Request-Id', requestId);
    const setCookies: string[] = [];
    const hostTenant = await deps.hostTenants.resolve(req.headers.host);
    const session = await deps.resolveSession(cookies, deps.clock());
    const anonymous = await deps.resolveAnonymousPass(cookies, deps.clock());
    return {
      deps,
      requestId,
      ip: clientAddress(req, deps.config.trustProxy),
      userAgent: req.headers['user-agent'] ?? '',
      cookies,
      hostTenant,
      session: ownedHere(session, hostTenant),
      anonymous: ownedHere(anonymous, hostTenant),
      setCookie(value) {
        setCookies.push(value);
        res.setHeader('Set-Cookie', setCookies);
      },
      setHeader(name, value) {
        res.setHeader(name, value);
      },
    };
  };
}

/**
 * The socket address, or behind a trusted proxy the hop that proxy appended: the
 * rightmost X-Forwarded-For entry, the only one a client cannot forge.
 */
function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = req.headers['x-forwarded-for'];
  if (trustProxy && typeof forwarded === 'string') {
    const last = forwarded.split(',').at(-1)?.trim();
    if (last) return last;
  }
  return req.socket.remoteAddress ?? 'unknown';
}
