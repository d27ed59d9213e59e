import type { Database, Unlisten } from '../../db/index.ts';
import type { SessionActor } from '../core/sessionActor.ts';
import { ACCESS_CHANNEL, type AccessChange, parseAccessChange } from './accessChanges.ts';
import type { LiveSession } from './loadSessionActor.ts';

/**
 * How long a resolved session is reused without asking PostgreSQL again. Revocations
 * do not wait for it (they are announced on `ACCESS_CHANNEL`): it only bounds what a
 * notification lost while the listening connection reconnects can leave behind.
 */
export const SESSION_CACHE_TTL_MS = 5_000;

/** Enough for every session active within the TTL on a large instance. */
export const SESSION_CACHE_MAX_ENTRIES = 20_000;

interface Entry {
  actor: SessionActor;
  loadedAt: number;
  /** Reused strictly before this instant: the TTL or the session's own end. */
  until: number;
}

export interface SessionCache {
  /** The cached actor of `sessionId`, or what `load` finds (kept only if live). */
  resolve(
    sessionId: string,
    now: Date,
    load: (sessionId: string, now: Date) => Promise<LiveSession | null>,
  ): Promise<SessionActor | null>;
  /** Drops what a change of access made stale, in this process. */
  forget(change: AccessChange): void;
  /**
   * LISTENs on `ACCESS_CHANNEL`; nothing is cached until the listener is up, and all is
   * dropped each time it (re)connects.
   */
  listen(database: Database): Promise<Unlisten>;
}

/**
 * Resolved sessions kept a few seconds per process, so a request costs no session query
 * (the heaviest statement of a submit, docs/CONTRIBUTING.md, « Benchmarks »). Safe because every revocation,
 * account disable, membership or unit change is notified by PostgreSQL at commit to
 * every process (`forget`); a lookup that raced such a change is not kept
 * (`generation`), and only live sessions are cached, so random tokens take no room.
 * Actors are frozen: one object serves many requests.
 *
 * @example
 * const cache = createSessionCache();
 * await cache.listen(database);
 * const actor = await cache.resolve(sessionId, now, (id, at) => loadSessionActor(sql, id, at));
 */
export function createSessionCache(
  options: { ttlMs?: number; maxEntries?: number } = {},
): SessionCache {
  const ttlMs = options.ttlMs ?? SESSION_CACHE_TTL_MS;
  const maxEntries = options.maxEntries ?? SESSION_CACHE_MAX_ENTRIES;
  const entries = new Map<string, Entry>();
  let listening = false;
  /** Bumped by every forget: a lookup begun before it may have read the old access. */
  let generation = 0;

  const forgetWhere = (stale: (actor: SessionActor) => boolean) => {
    generation += 1;
    for (const [id, entry] of entries) if (stale(entry.actor)) entries.delete(id);
  };
  const forget = (change: AccessChange) => {
    if ('session' in change) {
      generation += 1;
      entries.delete(change.session);
    } else if ('userId' in change) {
      forgetWhere((a) => a.tenantId === change.tenantId && a.userId === change.userId);
    } else {
      forgetWhere((a) => a.tenantId === change.tenantId);
    }
  };
  const keep = (sessionId: string, live: LiveSession, loadedAt: number) => {
    if (entries.size >= maxEntries) {
      // Map order is insertion order: the first key is the oldest entry.
      const oldest = entries.keys().next();
      if (!oldest.done) entries.delete(oldest.value);
    }
    const until = Math.min(loadedAt + ttlMs, live.endsAt.getTime());
    entries.set(sessionId, { actor: freezeActor(live.actor), loadedAt, until });
  };

  return {
    async resolve(sessionId, now, load) {
      const at = now.getTime();
      const entry = entries.get(sessionId);
      if (entry !== undefined) {
        if (at >= entry.loadedAt && at < entry.until) return entry.actor;
        entries.delete(sessionId);
      }
      const began = generation;
      const live = await load(sessionId, now);
      if (live === null) return null;
      if (listening && began === generation) keep(sessionId, live, at);
      return live.actor;
    },
    forget,
    async listen(database) {
      const unlisten = await database.listen(
        ACCESS_CHANNEL,
        (payload) => {
          const change = parseAccessChange(payload);
          if (change === null) forgetWhere(() => true);
          else forget(change);
        },
        () => {
          forgetWhere(() => true);
          listening = true;
        },
      );
      return async () => {
        listening = false;
        forgetWhere(() => true);
        await unlisten();
      };
    },
  };
}

function freezeActor(actor: SessionActor): SessionActor {
  Object.freeze(actor.roles);
  Object.freeze(actor.unitIds);
  Object.freeze(actor.unitCodes);
  return Object.freeze(actor);
}
