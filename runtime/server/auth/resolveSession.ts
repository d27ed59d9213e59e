import { type Database, sqlExecutorFor } from '../../db/index.ts';
import type { SessionActor } from '../core/sessionActor.ts';
import { loadSessionActor } from './loadSessionActor.ts';
import type { SessionCache } from './sessionCache.ts';
import { SESSION_COOKIE } from './sessionPolicy.ts';
import { sessionIdFromToken } from './sessionToken.ts';

export type SessionResolver = (
  cookies: Record<string, string>,
  now: Date,
) => Promise<SessionActor | null>;

/**
 * The function the request context calls to turn the session cookie into an actor:
 * hash the token, then one query (session, user, roles, covered units, and the
 * once-a-minute touch), unless `cache` still holds the answer. Expired, idle, revoked
 * sessions and disabled users resolve to null.
 *
 * @example
 * const resolveSession = createSessionResolver(database, createSessionCache());
 * const actor = await resolveSession(parseCookies(req.headers.cookie), new Date());
 */
export function createSessionResolver(database: Database, cache?: SessionCache): SessionResolver {
  const executeSql = sqlExecutorFor(database.db);
  const load = async (sessionId: string, now: Date) => loadSessionActor(executeSql, sessionId, now);
  return async (cookies, now) => {
    const sessionId = sessionIdFromToken(cookies[SESSION_COOKIE]);
    if (sessionId === null) return null;
    if (cache !== undefined) return cache.resolve(sessionId, now, load);
    return (await load(sessionId, now))?.actor ?? null;
  };
}
