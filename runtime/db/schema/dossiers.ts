import { sql } from 'drizzle-orm';
import {
  check,
  customType,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { demarcheVersions } from './demarches.ts';
import { users } from './people.ts';
import { searchDocumentSql } from './searchDocument.ts';
import { tenantIdColumn, units } from './tenants.ts';

const tsvector = customType<{ data: string }>({
  dataType: () => 'tsvector',
});

/**
 * A dossier: one applicant's case on one published version of a démarche.
 *
 * Choices worth knowing:
 * - `unit_code`, not a unit id: routing rules, workflow owners and the engine's actor
 *   all speak unit codes, so queues filter on the code without a join. A composite
 *   foreign key to `units (tenant_id, code)` with ON UPDATE CASCADE keeps it valid.
 * - `priority` is a smallint rank (see `PRIORITY_RANKS`) so `order by priority desc`
 *   means "most urgent first"; a text enum would sort alphabetically.
 * - `reference` is null while the dossier is a draft; it is numbered inside the submit
 *   transaction (`nextReference`, a sequence per tenant, prefix and year). Unique per tenant.
 * - `search` is a generated tsvector over the reference and the string and number values
 *   of `data`, accent-folded, GIN-indexed; see `searchDocument.ts` and `dossierSearch`.
 * - The queue indexes below all lead with `tenant_id` and end with the sort key and `id`
 *   so every queue page is a keyset range scan (`(created_at, id) < ($1, $2)`). DESC
 *   keys are declared NULLS FIRST, PostgreSQL's default for DESC, so a plain
 *   `order by created_at desc, id desc` matches them.
 */
export const dossiers = pgTable(
  'dossiers',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id').notNull().defaultRandom(),
    demarcheId: uuid('demarche_id').notNull(),
    version: integer('version').notNull(),
    reference: text('reference'),
    applicantId: uuid('applicant_id').notNull(),
    state: text('state').notNull(),
    revision: integer('revision').notNull().default(0),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    unitCode: text('unit_code'),
    assigneeId: uuid('assignee_id'),
    priority: smallint('priority').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    enteredStateAt: timestamp('entered_state_at', { withTimezone: true }).notNull().defaultNow(),
    dueAt: timestamp('due_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    search: tsvector('search').generatedAlwaysAs(searchDocumentSql),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('dossiers_tenant_reference_key').on(t.tenantId, t.reference),
    foreignKey({
      name: 'dossiers_version_fk',
      columns: [t.tenantId, t.demarcheId, t.version],
      foreignColumns: [
        demarcheVersions.tenantId,
        demarcheVersions.demarcheId,
        demarcheVersions.version,
      ],
    }),
    foreignKey({
      name: 'dossiers_applicant_fk',
      columns: [t.tenantId, t.applicantId],
      foreignColumns: [users.tenantId, users.id],
    }),
    foreignKey({
      name: 'dossiers_assignee_fk',
      columns: [t.tenantId, t.assigneeId],
      foreignColumns: [users.tenantId, users.id],
    }),
    foreignKey({
      name: 'dossiers_unit_fk',
      columns: [t.tenantId, t.unitCode],
      foreignColumns: [units.tenantId, units.code],
    }).onUpdate('cascade'),
    check('dossiers_priority_range', sql`${t.priority} between 0 and 3`),
    check('dossiers_revision_positive', sql`${t.revision} >= 0`),
    // Back-office queues: démarche + state, unit + state, newest first.
    index('dossiers_queue_demarche_idx').on(
      t.tenantId,
      t.demarcheId,
      t.state,
      t.createdAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    index('dossiers_queue_unit_idx').on(
      t.tenantId,
      t.unitCode,
      t.state,
      t.createdAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    // An agent's queue of one démarche by due date, and its per-state counts (index-only).
    index('dossiers_queue_unit_demarche_due_idx').on(
      t.tenantId,
      t.unitCode,
      t.demarcheId,
      t.state,
      t.dueAt,
      t.id,
    ),
    // Timers: the dossiers of a démarche in a state since a given time, oldest first
    // (`runtime/server/timers`). A range scan of the due ones; the (démarche, state)
    // queue index above would read every dossier in the state at every run.
    index('dossiers_state_entered_idx').on(
      t.tenantId,
      t.demarcheId,
      t.state,
      t.enteredStateAt,
      t.id,
    ),
    // "Most urgent first" within a démarche.
    index('dossiers_priority_idx').on(
      t.tenantId,
      t.demarcheId,
      t.priority.desc().nullsFirst(),
      t.createdAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    // An agent's own work, soonest due first.
    index('dossiers_assignee_idx')
      .on(t.tenantId, t.assigneeId, t.state, t.dueAt, t.id)
      .where(sql`${t.assigneeId} is not null`),
    // SLA views and overdue scans.
    index('dossiers_due_idx').on(t.tenantId, t.dueAt, t.id).where(sql`${t.dueAt} is not null`),
    // Everything, newest first; and a citizen's own dossiers.
    index('dossiers_created_idx').on(
      t.tenantId,
      t.createdAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    index('dossiers_applicant_idx').on(t.tenantId, t.applicantId, t.createdAt.desc().nullsFirst()),
    // Field filters (`data @> '{"commune": "75056"}'`) and free text. GIN cannot lead
    // with tenant_id without btree_gin; the planner ANDs it with a tenant index.
    index('dossiers_data_gin').using('gin', t.data.op('jsonb_path_ops')),
    index('dossiers_search_gin').using('gin', t.search),
  ],
);

/** Database rank of each priority: higher is more urgent. */
export const PRIORITY_RANKS = { low: 0, normal: 1, high: 2, urgent: 3 } as const;
