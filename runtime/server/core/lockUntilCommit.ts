import { sql } from 'drizzle-orm';
import type { AppDatabase } from '../../db/types.ts';

/**
 * Takes a PostgreSQL advisory lock named `key` until `tx` ends: whatever else takes the
 * same key waits for that commit or rollback. For a check-then-write that a unique key
 * cannot guard (a limit, a tree without cycles, « only the latest is live »), so two
 * requests take turns instead of both passing the check. PGlite has one connection: the
 * lock is taken and never waited for.
 *
 * @example
 * await lockUntilCommit(tx, `guichet.saved-views:${tenantId}:${userId}`);
 */
export async function lockUntilCommit(tx: AppDatabase, key: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
}
