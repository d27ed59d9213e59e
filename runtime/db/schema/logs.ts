import {
  bigint,
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
import { dossiers } from './dossiers.ts';
import { tenantIdColumn } from './tenants.ts';

/**
 * The two append-only logs. Triggers from migration 0001 enforce it in the database,
 * so the application cannot rewrite history even through a bug:
 * - `audit_log`: UPDATE, DELETE and TRUNCATE are refused, always.
 * - `dossier_events`: UPDATE and TRUNCATE are refused; DELETE only happens through the
 *   ON DELETE CASCADE of a dossier purged at the end of its retention (the row of a
 *   dossier that still exists cannot be deleted).
 */

/** SQLSTATE raised when the database refuses to change an append-only or immutable row. */
export const APPEND_ONLY_SQLSTATE = 'GU001';

/** Before/after of what a change touched, plus whatever the event type needs. */
export type DossierEventPayload = Record<string, unknown>;

/**
 * One change of a dossier: the audit trail and the history timeline.
 *
 * Hash chain per dossier, filled by a BEFORE INSERT trigger whatever the application
 * sends: `seq` numbers the dossier's events 1, 2, 3…, `prev_hash` is the previous
 * event's `hash`, and `hash` is SHA-256 over the previous hash and this row's content
 * (SQL function `guichet_dossier_event_hash`). The trigger locks the dossier row, which
 * the writer of a transition holds anyway, so the chain adds no contention. A chain per
 * tenant would serialise every write of a tenant until commit. `verifyEventChain`
 * recomputes it.
 */
export const dossierEvents = pgTable(
  'dossier_events',
  {
    tenantId: tenantIdColumn(),
    id: bigint('id', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    dossierId: uuid('dossier_id').notNull(),
    /** Set by the trigger. */
    seq: integer('seq').notNull().default(0),
    type: text('type').notNull(),
    /** Null for the system (timers). */
    actorId: uuid('actor_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    payload: jsonb('payload').$type<DossierEventPayload>().notNull().default({}),
    requestId: text('request_id'),
    /** Set by the trigger; null for a dossier's first event. */
    prevHash: text('prev_hash'),
    /** Set by the trigger. */
    hash: text('hash').notNull().default(''),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    // The timeline, and the guarantee that the chain never forks.
    unique('dossier_events_tenant_dossier_seq_key').on(t.tenantId, t.dossierId, t.seq),
    // The dashboard's period figures: a tenant's transitions (and unit moves) between two
    // instants, without reading every event of the tenant (runtime/server/dashboard).
    index('dossier_events_period_idx').on(t.tenantId, t.type, t.at),
    foreignKey({
      name: 'dossier_events_dossier_fk',
      columns: [t.tenantId, t.dossierId],
      foreignColumns: [dossiers.tenantId, dossiers.id],
    }).onDelete('cascade'),
  ],
);

/**
 * Who did what to what, when (docs/SECURITY.md §20): transitions, agent reads, exports,
 * logins (success or failure), denials. `actor` is `user:<uuid>`, `system`,
 * `token:<id>` or `anonymous`; `object` is e.g. `dossier:<uuid>`. No secrets in
 * `details`. Kept when a dossier is purged.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    tenantId: tenantIdColumn(),
    id: bigint('id', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    object: text('object'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    requestId: text('request_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('audit_log_object_idx').on(t.tenantId, t.object, t.id),
    index('audit_log_actor_idx').on(t.tenantId, t.actor, t.id),
  ],
);

/**
 * The hash chain of `audit_log`, one per tenant, kept beside the log rather than in it.
 * A chain written inside each audit row's transaction would serialise every audited
 * write of a tenant until commit (a submit included: the same cost as the old reference
 * counter row). Instead an AFTER INSERT trigger queues the row in `audit_unsealed`, and
 * `guichet_seal_audit()` (migration 0010; the worker calls it every few seconds) chains
 * queued rows in order: `seq` 1, 2, 3… per tenant, `prev_hash` the previous seal's
 * `hash`, `hash` SHA-256 over the previous hash and the audit row's content. Only that
 * function writes here; the application role may only read. `verifyAuditChain`
 * recomputes it.
 */
export const auditSeals = pgTable(
  'audit_seals',
  {
    tenantId: tenantIdColumn(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    auditId: bigint('audit_id', { mode: 'number' }).notNull(),
    prevHash: text('prev_hash'),
    hash: text('hash').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.seq] }),
    unique('audit_seals_tenant_audit_key').on(t.tenantId, t.auditId),
  ],
);

/** Audit rows written but not chained yet (filled by a trigger, emptied by the sealer). */
export const auditUnsealed = pgTable(
  'audit_unsealed',
  {
    tenantId: tenantIdColumn(),
    auditId: bigint('audit_id', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.auditId] })],
);
