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
 * The submitted dossiers of the level per state of each démarche (`stateKey`), now, and the overdue ones: sums over the
 * counter rows of `queue_counts` and `queue_due_counts` (kept equal to `count(*)` by the
 * triggers of migration 0012, see queues/README.md) for the level's units, plus an index
 * count of the dossiers falling due today before `now` — the same sums as `countQueue`,
 * over a subtree of units instead of one.
 *
 * @example
 * await currentFigures(db, { tenantId, demarcheIds, stateIds, level, now }); // Map { '<démarche id>:deposee' => { count: 12, overdue: 3 } }
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
      select ${queueCounts.demarcheId} as demarche_id, ${queueCounts.state} as state,
             sum(${queueCounts.dossiers}) as n
        from ${queueCounts}
       where ${queueCounts.tenantId} = ${scope.tenantId} and ${queueCounts.demarcheId} in (${demarches})
         and ${queueCounts.state} in (${states}) and ${counterUnits(queueCounts.unitCode)}
       group by 1, 2),
    past_days as (
      select ${queueDueCounts.demarcheId} as demarche_id, ${queueDueCounts.state} as state,
             sum(${queueDueCounts.dossiers}) as n
        from ${queueDueCounts}
       where ${queueDueCounts.tenantId} = ${scope.tenantId} and ${queueDueCounts.demarcheId} in (${demarches})
         and ${queueDueCounts.state} in (${states}) and ${counterUnits(queueDueCounts.unitCode)}
         and ${queueDueCounts.dueOn} < ${today.toISOString().slice(0, 10)}::date
       group by 1, 2),
    today as (
      select d.demarche_id, d.state, count(*) as n from dossiers d
       where d.tenant_id = ${scope.tenantId} and d.reference is not null
         and d.demarche_id in (${demarches}) and d.state in (${states}) and ${dossierUnits}
         and d.due_at >= ${today.toISOString()}::timestamptz and d.due_at < ${scope.now.toISOString()}::timestamptz
       group by 1, 2)
    select 'count' as kind, demarche_id::text as demarche_id, state, n::int as n from totals
    union all
    select 'overdue', demarche_id::text, state, n::int from past_days
    union all
    select 'overdue', demarche_id::text, state, n::int from today`);
  const figures = new Map<string, CurrentCount>();
  type Row = { kind: 'count' | 'overdue'; demarche_id: string; state: string; n: number };
  for (const row of rowsOf(result) as Row[]) {
    const key = stateKey(row.demarche_id, row.state);
    const figure = figures.get(key) ?? { count: 0, overdue: 0 };
    figure[row.kind] += Number(row.n);
    figures.set(key, figure);
  }
  return figures;
}

/** A state of one démarche: two démarches may both have a `depose` state. */
export function stateKey(demarcheId: string, state: string): string {
  return `${demarcheId}:${state}`;
}

function startOfUtcDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}
