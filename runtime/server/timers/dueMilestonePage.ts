import { asc, eq, getTableColumns, type SQL, sql } from 'drizzle-orm';
import { type AppDatabase, dossiers, tenantScope } from '../../db/index.ts';
import type { DossierRow } from '../dossiers/index.ts';
import type { DuePageKey, DuePageRequest } from './dueDossierPage.ts';

export interface DueMilestoneRequest extends Omit<DuePageRequest, 'enteredBy'> {
  /** The milestone the timer counts from (`since`) and the transition it fires. */
  milestone: string;
  transition: string;
  /** Dossiers that reached the milestone later are not due (`StateTimer.latestEntry`). */
  reachedBy: Date;
}

const { search: _search, ...rowColumns } = getTableColumns(dossiers);

/**
 * One page of the dossiers of a published version in `state` whose latest `milestone`
 * (the `at` of the last transition event recording it) is at `reachedBy` or earlier, and
 * on which the timer's transition has not fired since that milestone (a timer with
 * `since` fires once per milestone, even when it leads back to an active state). Oldest
 * milestone first, keyset paged on (milestone instant, id); the key's `enteredStateAt`
 * holds the milestone instant.
 *
 * Plan (see the README): the dossiers of the (démarche, state) come from a range scan of
 * an index on that prefix — all of the state, not only the due ones,
 * as the milestone is not a column — and each one costs two probes of the events'
 * unique (tenant, dossier, seq) index, filtered on the payload.
 *
 * @example
 * await dueMilestonePage(db, { version, state: 'examen', milestone: 'complet',
 *   transition: 'silence_vaut_accord', reachedBy: timer.latestEntry(now), after: null, limit: 100 });
 */
export async function dueMilestonePage(
  db: AppDatabase,
  request: DueMilestoneRequest,
): Promise<Array<{ row: DossierRow; key: DuePageKey; milestoneAt: string }>> {
  const rows = await dueMilestoneQuery(db, request);
  return rows.map(({ pageKey, milestoneAt, ...row }) => ({
    row,
    key: { enteredStateAt: pageKey, id: row.id },
    milestoneAt: new Date(milestoneAt).toISOString(),
  }));
}

/** The page's query, not run: its plan is checked by a test (`EXPLAIN`). */
export function dueMilestoneQuery(db: AppDatabase, request: DueMilestoneRequest) {
  const scope = tenantScope(request.version.tenantId);
  const reached = milestoneAt(request.milestone);
  const { after } = request;
  return db
    .select({
      ...rowColumns,
      pageKey: sql<string>`${reached}::text`,
      milestoneAt: sql<string>`${reached}`.mapWith(String),
    })
    .from(dossiers)
    .where(
      scope.where(
        dossiers,
        eq(dossiers.demarcheId, request.version.demarcheId),
        eq(dossiers.state, request.state),
        eq(dossiers.version, request.version.version),
        sql`${reached} <= ${request.reachedBy.toISOString()}::timestamptz`,
        firedSince(request.transition, reached),
        after === null
          ? undefined
          : sql`(${reached}, ${dossiers.id}) > (${after.enteredStateAt}::timestamptz, ${after.id}::uuid)`,
      ),
    )
    .orderBy(asc(reached), asc(dossiers.id))
    .limit(request.limit);
}

/** The latest instant the dossier reached `name`; null when never. */
function milestoneAt(name: string): SQL {
  return sql`(select max(e.at) from dossier_events e where e.tenant_id = ${dossiers.tenantId} and e.dossier_id = ${dossiers.id} and e.payload->>'milestone' = ${name})`;
}

/** The timer already fired since that milestone: not again. */
function firedSince(transition: string, reached: SQL): SQL {
  return sql`not exists (select 1 from dossier_events f where f.tenant_id = ${dossiers.tenantId} and f.dossier_id = ${dossiers.id} and f.payload->>'transition' = ${transition} and f.at >= ${reached})`;
}
