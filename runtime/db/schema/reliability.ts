import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantIdColumn } from './tenants.ts';

/**
 * "Nothing lost" tables (docs/SECURITY.md §18, §23–25). Jobs themselves are not here: pg-boss 10
 * owns its `pgboss` schema and creates it at `start()`. The transactional outbox is
 * pg-boss's `send(name, data, { db: sqlExecutorFor(tx) })` inside our drizzle
 * transaction: the job row commits or rolls back with the dossier change.
 */

/**
 * One row per client `Idempotency-Key`. Insert it first (response null: in progress) in
 * the request's transaction; a concurrent duplicate then waits on the key and sees the
 * stored response. `scope` is who sent the key (user or API token id), so one caller
 * can never replay another's answer. A different `request_hash` under the same key is a
 * client error (409/422).
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    tenantId: tenantIdColumn(),
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    response: jsonb('response').$type<unknown>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.scope, t.key] }),
    index('idempotency_keys_created_idx').on(t.tenantId, t.createdAt),
  ],
);

/**
 * One row per effect performed (a mail, a webhook call, a letter), keyed by a stable
 * `effect_key` derived from the dossier event and the effect's position: a job re-run
 * after a crash finds the row and does not send twice (docs/SECURITY.md §24).
 */
export const effectRuns = pgTable(
  'effect_runs',
  {
    tenantId: tenantIdColumn(),
    effectKey: text('effect_key').notNull(),
    kind: text('kind').notNull(),
    dossierId: uuid('dossier_id'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    doneAt: timestamp('done_at', { withTimezone: true }),
    result: jsonb('result').$type<unknown>(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.effectKey] })],
);
