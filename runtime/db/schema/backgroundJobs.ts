import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './people.ts';
import { tenantIdColumn } from './tenants.ts';

/**
 * An agent's bulk action run by the worker (`collaboration/bulkJobs.ts`): one action with
 * one input over up to 500 dossiers. `idempotency_key` is the client's: the same key from
 * the same agent finds the same job. `done`/`refused` count the items processed so far,
 * so progress is one row read.
 */
export const bulkJobs = pgTable(
  'bulk_jobs',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id').notNull().defaultRandom(),
    requesterId: uuid('requester_id').notNull(),
    /** The request's session, named in the audit rows the worker writes. */
    sessionId: text('session_id').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    action: jsonb('action').$type<unknown>().notNull(),
    total: integer('total').notNull(),
    done: integer('done').notNull().default(0),
    refused: integer('refused').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('bulk_jobs_idempotency_unique').on(t.tenantId, t.requesterId, t.idempotencyKey),
    foreignKey({
      name: 'bulk_jobs_requester_fk',
      columns: [t.tenantId, t.requesterId],
      foreignColumns: [users.tenantId, users.id],
    }).onDelete('cascade'),
    check('bulk_jobs_key_length', sql`char_length(${t.idempotencyKey}) between 8 and 100`),
  ],
);

/**
 * One dossier of a bulk job, in the agent's order. `outcome` is null until processed, then
 * written in the same transaction as the dossier's change: a redelivered job skips the
 * items that have one, so no dossier is acted on twice by one job.
 */
export const bulkJobItems = pgTable(
  'bulk_job_items',
  {
    tenantId: tenantIdColumn(),
    jobId: uuid('job_id').notNull(),
    position: integer('position').notNull(),
    dossierId: uuid('dossier_id').notNull(),
    revision: integer('revision').notNull(),
    outcome: jsonb('outcome').$type<unknown>(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.jobId, t.position] }),
    foreignKey({
      name: 'bulk_job_items_job_fk',
      columns: [t.tenantId, t.jobId],
      foreignColumns: [bulkJobs.tenantId, bulkJobs.id],
    }).onDelete('cascade'),
  ],
);

/**
 * A large queue export written by the worker into the file store (`queues/exportJobs.ts`).
 * `storage_key` is set once the file is complete; the row and its file go at `expires_at`
 * (`queues/purgeExpiredExports.ts`, run by the worker).
 */
export const exportJobs = pgTable(
  'export_jobs',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id').notNull().defaultRandom(),
    requesterId: uuid('requester_id').notNull(),
    sessionId: text('session_id').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    format: text('format').notNull(),
    filters: jsonb('filters').$type<unknown>().notNull(),
    rows: integer('rows').notNull().default(0),
    storageKey: text('storage_key'),
    sizeBytes: integer('size_bytes'),
    failure: text('failure'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('export_jobs_idempotency_unique').on(t.tenantId, t.requesterId, t.idempotencyKey),
    foreignKey({
      name: 'export_jobs_requester_fk',
      columns: [t.tenantId, t.requesterId],
      foreignColumns: [users.tenantId, users.id],
    }).onDelete('cascade'),
    // Across tenants on purpose: the worker's hourly purge sweeps every tenant's expired exports.
    index('export_jobs_expires_idx').on(t.expiresAt),
    check('export_jobs_key_length', sql`char_length(${t.idempotencyKey}) between 8 and 100`),
  ],
);
