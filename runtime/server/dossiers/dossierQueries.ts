import { and, desc, eq, getTableColumns, sql } from 'drizzle-orm';
import {
  statementBuilder as build,
  dossierEvents,
  dossiers,
  fixedStatement,
  placeholderFor,
  type RowOf,
} from '../../db/index.ts';

/**
 * The statements every transition sends (`submit` ~300/s per core), built once from the
 * schema (`fixedStatement`) rather than by drizzle's query builder on every call.
 * Placeholders are named after the columns they fill; tenant ids come from `tenantScope`
 * or from a row already loaded through it.
 */

const p = sql.placeholder;

/**
 * Every column of a dossier but `search`: the generated tsvector of the whole form, which
 * no service reads and which would cost its size on every load.
 */
const { search: _search, ...dossierColumns } = getTableColumns(dossiers);

/** A dossier row as the services read it. */
export type DossierRow = RowOf<typeof dossierColumns>;

const byId = and(eq(dossiers.tenantId, p('tenantId')), eq(dossiers.id, p('id')));

interface DossierKey {
  tenantId: string;
  id: string;
}

/** The dossier, read as is. */
export const readDossier = fixedStatement<DossierKey, DossierRow>(
  build.select(dossierColumns).from(dossiers).where(byId),
  dossierColumns,
);

/** The dossier, row-locked until the transaction ends: where every mutation starts. */
export const lockDossier = fixedStatement<DossierKey, DossierRow>(
  build.select(dossierColumns).from(dossiers).where(byId).for('update'),
  dossierColumns,
);

/**
 * The seq of the dossier's last event (none: no row). Sent right behind `lockDossier`
 * on the same connection, it runs once the lock is granted, so it sees what the
 * previous holder committed (`lockForTransition`).
 */
export const lastEventSeq = fixedStatement<
  { tenantId: string; dossierId: string },
  { seq: number }
>(
  build
    .select({ seq: dossierEvents.seq })
    .from(dossierEvents)
    .where(
      and(eq(dossierEvents.tenantId, p('tenantId')), eq(dossierEvents.dossierId, p('dossierId'))),
    )
    .orderBy(desc(dossierEvents.seq))
    .limit(1),
  { seq: dossierEvents.seq },
);

/** What a transition writes back to the dossier row. */
export interface SnapshotWrite {
  state: string;
  revision: number;
  unitCode: string | null;
  assigneeId: string | null;
  priority: number;
  enteredStateAt: Date;
  dueAt: Date | null;
  reference: string | null;
  updatedAt: Date;
}

const snapshotKeys = [
  'state',
  'revision',
  'unitCode',
  'assigneeId',
  'priority',
  'enteredStateAt',
  'dueAt',
  'reference',
  'updatedAt',
] as const satisfies ReadonlyArray<keyof SnapshotWrite>;

const snapshotSet = Object.fromEntries(
  snapshotKeys.map((key) => [key, placeholderFor(dossiers[key], key)]),
);

/** Only if the row still has the revision the engine decided on (`expectedRevision`). */
const atRevision = and(byId, eq(dossiers.revision, p('expectedRevision')));

type SnapshotUpdate = SnapshotWrite & DossierKey & { expectedRevision: number };

/** Writes a transition's snapshot; the ids of the rows updated (one, or none). */
export const updateSnapshot = fixedStatement<SnapshotUpdate, { id: string }>(
  build.update(dossiers).set(snapshotSet).where(atRevision).returning({ id: dossiers.id }),
  { id: dossiers.id },
);

/** The same, for the transition that numbers the dossier: it also sets `submitted_at`. */
export const updateSubmittedSnapshot = fixedStatement<
  SnapshotUpdate & { submittedAt: Date },
  { id: string }
>(
  build
    .update(dossiers)
    .set({ ...snapshotSet, submittedAt: placeholderFor(dossiers.submittedAt, 'submittedAt') })
    .where(atRevision)
    .returning({ id: dossiers.id }),
  { id: dossiers.id },
);

/**
 * Replaces the form data of a dossier whose transition `writes` into it (an opinion, an
 * amount granted). Sent in the transition's batch, under its row lock, only then:
 * rewriting an unchanged jsonb would cost its whole size again (`snapshotColumns`).
 */
export const updateDossierData = fixedStatement<
  DossierKey & { data: Record<string, unknown> },
  { id: string }
>(
  build
    .update(dossiers)
    .set({ data: placeholderFor(dossiers.data, 'data') })
    .where(byId)
    .returning({ id: dossiers.id }),
  { id: dossiers.id },
);

/** Appends a `transition` event; the chain trigger gives its `seq`. */
export const insertTransitionEvent = fixedStatement<
  {
    tenantId: string;
    dossierId: string;
    actorId: string | null;
    at: Date;
    payload: Record<string, unknown>;
    requestId: string;
  },
  { seq: number }
>(
  build
    .insert(dossierEvents)
    .values({
      tenantId: p('tenantId'),
      dossierId: p('dossierId'),
      type: 'transition',
      actorId: p('actorId'),
      at: p('at'),
      payload: p('payload'),
      requestId: p('requestId'),
    })
    .returning({ seq: dossierEvents.seq }),
  { seq: dossierEvents.seq },
);
