import type { Database } from '../db/types.ts';
import type { ServerConfig } from './config.ts';
import type { UnitCatalog } from './dossiers/unitCatalog.ts';
import type { SessionActor } from './trpc/sessionActor.ts';

/**
 * What the server's features need from the outside world, built once at start-up (or
 * by a test) and handed to every request through the tRPC context. The clock is a
 * port so tests can move time (session expiry, SLAs, timers).
 */
export interface ServerDeps {
  database: Database;
  config: ServerConfig;
  clock: () => Date;
  /** Resolves the session cookie to an actor, or null (expired, revoked, absent). */
  resolveSession(cookies: Record<string, string>, now: Date): Promise<SessionActor | null>;
  /**
   * Forgets a user's cached sessions in this process at once, after a revocation has
   * committed: the next request must not wait for PostgreSQL's notification to arrive.
   */
  forgetSessions(owner: { tenantId: string; userId: string }): void;
  /** Each tenant's unit codes, kept per process and forgotten when the tree changes. */
  units: UnitCatalog;
}
