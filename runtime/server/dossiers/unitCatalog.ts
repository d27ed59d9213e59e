import { and, eq, isNull } from 'drizzle-orm';
import type { AppDatabase } from '../../db/index.ts';
import { units } from '../../db/index.ts';
import { ACCESS_CHANNEL, parseAccessChange } from '../auth/index.ts';
import type { UnitCatalog } from '../core/deps.ts';

/** Enough for every tenant of a large instance; the oldest is dropped past it. */
export const UNIT_CATALOG_MAX_TENANTS = 2_000;

/**
 * Bounds what a notification lost while the listening connection reconnects can leave
 * behind; changes themselves are announced at commit (migration 0005's `t:<tenant>`).
 */
export const UNIT_CATALOG_TTL_MS = 60_000;

export type { UnitCatalog } from '../core/deps.ts';

interface Entry {
  codes: ReadonlySet<string>;
  until: number;
}

/**
 * The codes of each tenant's units in service, kept per process: a transition routed to a
 * unit must know the tenant has it and has not archived it (else the dossier keeps its
 * unit and the event says why: docs/SECURITY.md §116), and
 * asking PostgreSQL on every submit cost a round trip of its own. The unit tree changes
 * rarely and every change is notified at commit to every process, as for sessions
 * (`ACCESS_CHANNEL`). A change racing a transition by a few milliseconds can still make
 * it write a code that was just renamed or removed: the foreign key `dossiers_unit_fk`
 * then refuses it and the whole transaction rolls back, nothing half-written; the retry
 * finds the new tree.
 *
 * @example
 * const catalog = createUnitCatalog();
 * await catalog.listen(database);
 * if (await catalog.has(tx, tenantId, 'ccas')) route();
 */
export function createUnitCatalog(
  options: { ttlMs?: number; maxTenants?: number; clock?: () => number } = {},
): UnitCatalog {
  const ttlMs = options.ttlMs ?? UNIT_CATALOG_TTL_MS;
  const maxTenants = options.maxTenants ?? UNIT_CATALOG_MAX_TENANTS;
  const clock = options.clock ?? Date.now;
  const entries = new Map<string, Entry>();
  let listening = false;
  /** Bumped by every change: a read begun before it may hold the old tree. */
  let generation = 0;

  const forget = (tenantId: string | null) => {
    generation += 1;
    if (tenantId === null) entries.clear();
    else entries.delete(tenantId);
  };

  const codesOf = async (db: AppDatabase, tenantId: string): Promise<ReadonlySet<string>> => {
    const entry = entries.get(tenantId);
    if (entry !== undefined && clock() < entry.until) return entry.codes;
    const began = generation;
    const rows = await db
      .select({ code: units.code })
      .from(units)
      .where(and(eq(units.tenantId, tenantId), isNull(units.archivedAt)));
    const codes = new Set(rows.map((row) => row.code));
    if (listening && began === generation) {
      entries.delete(tenantId);
      if (entries.size >= maxTenants) {
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
      entries.set(tenantId, { codes, until: clock() + ttlMs });
    }
    return codes;
  };

  return {
    async has(db, tenantId, code) {
      return (await codesOf(db, tenantId)).has(code);
    },
    async listen(database) {
      const unlisten = await database.listen(
        ACCESS_CHANNEL,
        (payload) => {
          const change = parseAccessChange(payload);
          // Sessions and users do not touch the tree; a tenant-wide change may.
          if (change === null) forget(null);
          else if (!('session' in change) && !('userId' in change)) forget(change.tenantId);
        },
        () => {
          forget(null);
          listening = true;
        },
      );
      return async () => {
        listening = false;
        forget(null);
        await unlisten();
      };
    },
  };
}

/**
 * A catalog that never listens, so it keeps nothing and asks the database every time:
 * for work outside requests (the timers: a few transitions a minute) and service tests.
 */
export const unitsFromDatabase: UnitCatalog = createUnitCatalog();
