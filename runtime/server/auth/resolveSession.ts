import { type Database, sqlExecutorFor } from '../../db/index.ts';
import type { SessionActor } from '../trpc/context.ts';
import { loadSessionActor } from './loadSessionActor.ts';
import { SESSION_COOKIE } from './sessionPolicy.ts';
import { sessionIdFromToken } from './sessionToken.ts';

export type SessionResolver = (
  cookies: Record<string, string>,
  now: Date,
) => Promise<SessionActor | null>;

/**
 * The function the request context calls to turn the session cookie into an actor:
 * hash the token, then one query (session, user, roles, covered units, and the
 * once-a-minute touch). Expired, idle, revoked sessions and disabled users resolve
 * to null.
 *
 * @example
 * const resolveSession = createSessionResolver(database);
 * const actor = await resolveSession(parseCookies(req.headers.cookie), new Date());
 */
export function createSessionResolver(database: Database): SessionResolver {
  const executeSql = sqlExecutorFor(database.db);
  return async (cookies, now) => {
    const sessionId = sessionIdFromToken(cookies[SESSION_COOKIE]);
    if (sessionId === null) return null;
    return loadSessionActor(executeSql, sessionId, now);
  };
}
