import { randomUUID } from 'node:crypto';
import { type AppDatabase, sqlExecutorFor } from '../../db/index.ts';
import { PGBOSS_SCHEMA, SCAN_QUEUE, sendJob } from '../effects/index.ts';

/** Files re-queued per run at most: a long scanner outage is worked off over a few runs. */
const BATCH = 200;

/**
 * Pending files with no scan job left to run: theirs used up its retries while the
 * scanner was down (10 over several hours), or was deleted. Across tenants: this is the
 * worker's housekeeping, not a request.
 */
const STALLED = `
select a.tenant_id as "tenantId", a.id as "attachmentId"
from attachments a
where a.scan_status = 'pending'
  and not exists (
    select 1 from ${PGBOSS_SCHEMA}.job j
    where j.name = $1 and j.data->>'attachmentId' = a.id::text
      and j.state in ('created', 'retry', 'active'))
order by a.created_at
limit ${BATCH}`;

/**
 * Gives every stalled pending file a fresh scan job (a new job id: the spent one keeps
 * its own), so a file is never left pending for good once the scanner is back
 * (docs/SECURITY.md §16: a scanner error leaves the file pending and retries it). Returns how
 * many were re-queued.
 *
 * @example
 * const requeued = await requeueStalledScans(database.db);
 */
export async function requeueStalledScans(db: AppDatabase): Promise<number> {
  return db.transaction(async (tx) => {
    const { rows } = await sqlExecutorFor(tx)(STALLED, [SCAN_QUEUE]);
    for (const row of rows as Array<{ tenantId: string; attachmentId: string }>) {
      await sendJob(tx, SCAN_QUEUE, row, { id: randomUUID(), singletonKey: row.attachmentId });
    }
    return rows.length;
  });
}
