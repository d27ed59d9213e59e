import { asc, eq, getTableColumns, lte, sql } from 'drizzle-orm';
import { type AppDatabase, dossiers, tenantScope } from '../../db/index.ts';
import type { DossierRow } from '../dossiers/index.ts';
import type { TimedVersion } from './timedVersions.ts';

/**
 * Where a page ended: `entered_state_at` as PostgreSQL's own text, which keeps the
 * microseconds a JavaScript Date would drop (rows written with `now()` have them), so the
 * next page starts exactly after the last row instead of finding it again.
 */
export interface DuePageKey {
  enteredStateAt: string;
  id: string;
}

export interface DuePageRequest {
  version: Pick<TimedVersion, 'tenantId' | 'demarcheId' | 'version'>;
  state: string;
  /** Dossiers that entered `state` later are not due (`StateTimer.latestEntry`). */
  enteredBy: Date;
  after: DuePageKey | null;
  limit: number;
}

// The columns services read (`DossierRow`): all but the generated search vector.
const { search: _search, ...rowColumns } = getTableColumns(dossiers);

/**
 * One page of the dossiers of a published version sitting in `state` since `enteredBy`
 * or earlier, oldest first. Tenant-scoped like every dossier query. A range scan of
 * `dossiers_state_entered_idx` (tenant, démarche, state, entered_state_at, id) in the
 * order asked, stopped at `limit`: only the due dossiers are read, however many sit in
 * the state, and a run with nothing due costs one index probe per timer. The version is
 * a filter on those few rows.
 *
 * @example
 * const page = await dueDossierPage(db, {
 *   version, state: 'complement', enteredBy: timer.latestEntry(now), after: null, limit: 100,
 * });
 */
export async function dueDossierPage(
  db: AppDatabase,
  request: DuePageRequest,
): Promise<Array<{ row: DossierRow; key: DuePageKey }>> {
  const rows = await duePageQuery(db, request);
  return rows.map(({ pageKey, ...row }) => ({
    row,
    key: { enteredStateAt: pageKey, id: row.id },
  }));
}

/**
 * The page's query, not run: its plan is checked by a test (`EXPLAIN`).
 *
 * @example
 * const { sql, params } = duePageQuery(db, request).toSQL();
 */
export function duePageQuery(db: AppDatabase, request: DuePageRequest) {
  const scope = tenantScope(request.version.tenantId);
  const { after } = request;
  return db
    .select({ ...rowColumns, pageKey: sql<string>`${dossiers.enteredStateAt}::text` })
    .from(dossiers)
    .where(
      scope.where(
        dossiers,
        eq(dossiers.demarcheId, request.version.demarcheId),
        eq(dossiers.state, request.state),
        eq(dossiers.version, request.version.version),
        lte(dossiers.enteredStateAt, request.enteredBy),
        after === null
          ? undefined
          : sql`(${dossiers.enteredStateAt}, ${dossiers.id}) > (${after.enteredStateAt}::timestamptz, ${after.id}::uuid)`,
      ),
    )
    .orderBy(asc(dossiers.enteredStateAt), asc(dossiers.id))
    .limit(request.limit);
}
