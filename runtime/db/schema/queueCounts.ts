import { date, integer, pgTable, primaryKey, smallint, text, uuid } from 'drizzle-orm/pg-core';
import { tenants } from './tenants.ts';

/**
 * Unrouted (`unit_code` null) and unassigned (`assignee_id` null) in the counters'
 * keys: a primary key column cannot be null, and a real unit code is never empty nor a
 * real user id the nil uuid.
 */
export const NO_UNIT = '';
export const NO_ASSIGNEE = '00000000-0000-0000-0000-000000000000';

/** Stripes per counter key (see `queueCounts`); a dossier always lands on the same one. */
export const COUNT_SLOTS = 16;

const tenantId = () =>
  uuid('tenant_id')
    .notNull()
    .references(() => tenants.id, { onDelete: 'cascade' });

/**
 * How many submitted dossiers sit in each (démarche, state, unit, assignee): the queue
 * tabs read sums of these rows instead of counting dossiers, so a count costs the same
 * on 100 or 1,000,000 dossiers and is exact. Written only by the triggers of migration
 * 0012 (same transaction as the dossier change, so a rolled-back change never counts);
 * the application role may only read it. No CHECK (dossiers >= 0): PostgreSQL checks an
 * upsert's proposed row before it finds the conflict, so a decrement would fail it.
 *
 * `slot` stripes each key over `COUNT_SLOTS` rows, chosen by the dossier's id: two
 * transactions submitting to the same queue then rarely wait on the same counter row
 * (a single row would serialise every submission of a démarche until commit).
 */
export const queueCounts = pgTable(
  'queue_counts',
  {
    tenantId: tenantId(),
    demarcheId: uuid('demarche_id').notNull(),
    state: text('state').notNull(),
    unitCode: text('unit_code').notNull(),
    assigneeId: uuid('assignee_id').notNull(),
    slot: smallint('slot').notNull(),
    dossiers: integer('dossiers').notNull(),
  },
  (t) => [
    primaryKey({
      columns: [t.tenantId, t.demarcheId, t.state, t.unitCode, t.assigneeId, t.slot],
    }),
  ],
);

/**
 * Submitted dossiers with a due date, per (démarche, state, unit, due day in UTC): the
 * « en retard » count is the sum of the days before today plus an index range count of
 * today's, exact at any instant although "overdue" changes with the clock, not with
 * the rows. Not striped: a reader sums one row per day, and striping would multiply them.
 */
export const queueDueCounts = pgTable(
  'queue_due_counts',
  {
    tenantId: tenantId(),
    demarcheId: uuid('demarche_id').notNull(),
    state: text('state').notNull(),
    unitCode: text('unit_code').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    dossiers: integer('dossiers').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.demarcheId, t.state, t.unitCode, t.dueOn] })],
);
