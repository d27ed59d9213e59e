import PgBoss from 'pg-boss';
import { type AppTransaction, sqlExecutorFor } from '../../db/index.ts';
import { PGBOSS_SCHEMA } from './jobSchema.ts';

/**
 * A pg-boss instance used only to build and run its INSERT: it is never started and
 * owns no connection; every `send` passes the caller's transaction as `db`. Its own
 * `db` refuses, so a forgotten `db` option fails loudly instead of writing outside the
 * transaction.
 */
const sender = new PgBoss({
  schema: PGBOSS_SCHEMA,
  db: {
    executeSql: () => Promise.reject(new Error('guichet: jobs are only sent inside a transaction')),
  },
});

/**
 * Writes one pg-boss job in the caller's transaction (the transactional outbox: it
 * commits or rolls back with the change that asked for it). `id` and `singletonKey`
 * make sending the same job twice harmless.
 *
 * @example
 * await sendJob(tx, 'attachment-scan', { tenantId, attachmentId }, { id, singletonKey: attachmentId });
 */
export async function sendJob(
  tx: AppTransaction,
  name: string,
  data: object,
  options: { id: string; singletonKey: string },
): Promise<void> {
  const db = { executeSql: sqlExecutorFor(tx) };
  const sent = await sender.send(name, { ...data }, { ...options, db });
  // pg-boss answers null both for "already enqueued" (fine) and for "no such queue"
  // (its insert joins the queue table): the second would silently lose the job.
  if (sent === null) await assertQueueExists(db.executeSql, name);
}

async function assertQueueExists(
  executeSql: ReturnType<typeof sqlExecutorFor>,
  name: string,
): Promise<void> {
  const { rows } = await executeSql(`select 1 from ${PGBOSS_SCHEMA}.queue where name = $1`, [name]);
  if (rows.length === 0) {
    throw new Error(
      `guichet: pg-boss queue ${name} is missing; call ensureJobSchema(database) at start-up`,
    );
  }
}
