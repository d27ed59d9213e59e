import type { AppDatabase, Database, Unlisten } from '../../db/types.ts';
import type { ServerConfig } from './config.ts';
import type { EnqueueEffects } from './enqueuePort.ts';
import type { HostTenants } from './hostTenants.ts';
import type { SendJob } from './jobPort.ts';
import type { PublishedVersions } from './publishedVersions.ts';
import type { SessionActor } from './sessionActor.ts';
import type { UrlSources } from './urlSources.ts';

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
   * Resolves a visitor's pass cookie (a dossier filed without an account) to the
   * dossier's placeholder applicant, or null; no query when the cookie is absent.
   */
  resolveAnonymousPass(cookies: Record<string, string>, now: Date): Promise<SessionActor | null>;
  /**
   * Forgets a user's cached sessions in this process at once, after a revocation has
   * committed: the next request must not wait for PostgreSQL's notification to arrive.
   */
  forgetSessions(owner: { tenantId: string; userId: string }): void;
  /** Each tenant's unit codes, kept per process and forgotten when the tree changes. */
  units: UnitCatalog;
  /** The tenant of a request's Host (its own address, or the default tenant). */
  hostTenants: HostTenants;
  /**
   * The transactional outbox: writes a transition's effects as jobs inside its
   * transaction. The effects feature provides it; `buildDeps` wires it.
   */
  enqueueEffects: EnqueueEffects;
  /**
   * Writes one job inside the caller's transaction (the outbox), for features the
   * effects feature itself depends on (auth's account mails). `buildDeps` wires it.
   */
  sendJob: SendJob;
  /** Published versions, decoded once and kept per process (bounded, LRU). */
  publishedVersions: PublishedVersions;
  /** `url` data sources, fetched by the server with the outbound rules and cached. */
  urlSources: UrlSources;
}

/** Each tenant's unit codes, kept per process (built by the dossiers feature). */
export interface UnitCatalog {
  /**
   * Whether the tenant has a unit `code` in service (not archived: no dossier is routed to
   * an archived unit, docs/SECURITY.md §116). Read through `db` (the caller's transaction:
   * PGlite has one connection) when this process does not hold the tenant's codes.
   */
  has(db: AppDatabase, tenantId: string, code: string): Promise<boolean>;
  /** LISTENs for unit changes; nothing is kept until the listener is up. */
  listen(database: Database): Promise<Unlisten>;
}
