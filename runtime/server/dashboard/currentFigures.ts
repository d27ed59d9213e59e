import { sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { NO_UNIT, queueCounts, queueDueCounts, rowsOf } from '../../db/index.ts';
import type { AppDatabase } from '../../db/types.ts';
import type { DashboardLevel } from './dashboardLevel.ts';
import { inLevel, sqlList } from './levelCondition.ts';

/** Dossiers in one state now, and how many of them are past due. */
export interface CurrentCount {
  count: number;
  overdue: number;
}

interface Scope {
  tenantId: string;
  demarcheIds: string[];
  stateIds: string[];
  level: DashboardLevel;
  now: Date;
}

/**
 * The submitted dossiers of the level per state, now, and the overdue ones: sums over the
 * counter rows of `queue_counts` and `queue_due_counts` (kept equal to `count(*)` by the
 * triggers of migration 0012, see queues/README.md) for the level's units, plus an index
 * count of the dossiers falling due today before `now` — the same sums as `countQueue`,
 * over a subtree of units instead of one.
 *
 * @example
 * await currentFigures(db, { tenantId, demarcheIds, stateIds, level, now }); // Map { 'deposee' => { count: 12, overdue: 3 } }
 */
export async function currentFigures(
  db: AppDatabase,
  scope: Scope,
): Promise<Map<string, CurrentCount>> {
  const { level } = scope;
  const unitCodes =
    level.codes === 'all' ? null : level.codes.map((code) => (code === null ? NO_UNIT : code));
  if (scope.stateIds.length === 0 || scope.demarcheIds.length === 0 || unitCodes?.length === 0) {
    return new Map();
  }
  const demarches = sql.join(
    scope.demarcheIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const states = sqlList(scope.stateIds);
  const counterUnits = (column: AnyPgColumn) =>
    unitCodes === null ? sql`true` : sql`${column} in (${sqlList(unitCodes)})`;
  const dossierUnits = inLevel(level, sql`d.unit_code`);
  const today = startOfUtcDay(scope.now);
  const result = await db.execute(sql`
    with totals as (
      select ${queueCounts.state} as state, sum(${queueCounts.dossiers}) as count
        from ${queueCounts}
       where ${queueCounts.tenantId} = ${scope.tenantId} and ${queueCounts.demarcheId} in (${demarches})
         and ${queueCounts.state} in (${states}) and ${counterUnits(queueCounts.unitCode)}
       group by 1),
    past_days as (
      select ${queueDueCounts.state} as state, sum(${queueDueCounts.dossiers}) as overdue
        from ${queueDueCounts}
       where ${queueDueCounts.tenantId} = ${scope.tenantId} and ${queueDueCounts.demarcheId} in (${demarches})
         and ${queueDueCounts.state} in (${states}) and ${counterUnits(queueDueCounts.unitCode)}
         and ${queueDueCounts.dueOn} < ${today.toISOString().slice(0, 10)}::date
       group by 1),
    today as (
      select d.state, count(*) as overdue from dossiers d
       where d.tenant_id = ${scope.tenantId} and d.reference is not null
         and d.demarche_id in (${demarches}) and d.state in (${states}) and ${dossierUnits}
         and d.due_at >= ${today.toISOString()}::timestamptz and d.due_at < ${scope.now.toISOString()}::timestamptz
       group by 1)
    select s.state, coalesce(t.count, 0)::int as count,
           (coalesce(p.overdue, 0) + coalesce(d.overdue, 0))::int as overdue
      from unnest(array[${states}]::text[]) as s(state)
      left join totals t on t.state = s.state
      left join past_days p on p.state = s.state
      left join today d on d.state = s.state`);
  const rows = rowsOf(result) as Array<{ state: string; count: number; overdue: number }>;
  return new Map(
    rows.map((row) => [row.state, { count: Number(row.count), overdue: Number(row.overdue) }]),
  );
}

function startOfUtcDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}
