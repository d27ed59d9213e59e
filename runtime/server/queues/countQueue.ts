import { and, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { StateKind } from '../../../shared/definition/types.ts';
import { ok, type Result } from '../../../shared/result.ts';
import {
  dossiers,
  NO_ASSIGNEE,
  NO_UNIT,
  queueCounts,
  queueDueCounts,
  rowsOf,
} from '../../db/index.ts';
import { tenantScope } from '../../db/tenancy/tenantScope.ts';
import type { DomainError } from '../core/domainError.ts';
import type { QueueServiceContext } from './listQueue.ts';
import type { QueueCountsInput } from './queueInput.ts';
import { queueStates } from './queueStates.ts';
import { submitted, unitAlternatives, visibleUnits } from './queueViewer.ts';

/** One tab of a queue: a démarche's state and how many of the viewer's visible dossiers are in it. */
export interface StateCount {
  demarcheId: string;
  /** The démarche's title: tabs of several démarches are grouped by it. */
  demarcheTitle: string;
  state: string;
  label: string;
  kind: StateKind;
  /** Every visible submitted dossier in the state; exact. */
  count: number;
  /** Of those, assigned to the viewer (« à moi »). */
  mine: number;
  /** Of those, assigned to nobody (« non assignés »). */
  unassigned: number;
  /** Of those, past their due date at the request's instant (« en retard »). */
  overdue: number;
}

interface CountRow {
  demarche_id: string;
  state: string;
  count: number;
  mine: number;
  unassigned: number;
  overdue: number;
}

/**
 * Visible dossiers per démarche and state, for the tabs of a queue, in the definitions'
 * state order (a state id is its démarche's own: two démarches' `depose` are two tabs),
 * with the « à moi », « non assignés » and « en retard » shares of each. Draft states
 * are not tabs (their dossiers are unnumbered citizens' work), so the states listed
 * hold exactly the submitted dossiers `listQueue` shows.
 *
 * Exact whatever the size of the queue: nothing counts dossiers one by one except the
 * ones falling due today. Totals, mine and unassigned are sums over the counter rows
 * of `queue_counts` in scope (démarches × states × units × assignees × 16 slots, a few
 * thousand rows for a large tenant); overdue is the sum of `queue_due_counts` for the
 * days before today (UTC) plus an index range count of the dossiers due today before
 * `now`. The triggers of migration 0012 keep both tables equal to `count(*)` in the
 * same transaction as every dossier change.
 *
 * @example
 * const tabs = await countQueue(ctx, { demarcheId });
 * // [{ demarcheId, demarcheTitle: 'Aide sociale', state: 'depose', label: 'Déposé', kind: 'active', count: 42, mine: 3, unassigned: 30, overdue: 5 }, …]
 */
export async function countQueue(
  ctx: QueueServiceContext,
  input: QueueCountsInput,
): Promise<Result<StateCount[], DomainError>> {
  const scope = tenantScope(ctx.viewer.tenantId);
  const { demarcheIds, states } = await queueStates(ctx.db, scope, input.demarcheId);
  const units = visibleUnits(ctx.viewer, input.unit);
  const zero = { count: 0, mine: 0, unassigned: 0, overdue: 0 };
  const tabOf = (state: (typeof states)[number]) => ({
    demarcheId: state.demarcheId,
    demarcheTitle: state.demarcheTitle,
    state: state.id,
    label: state.label,
    kind: state.kind,
  });
  if (states.length === 0 || demarcheIds.length === 0 || units.length === 0) {
    return ok(states.map((state) => ({ ...tabOf(state), ...zero })));
  }
  const stateIds = [...new Set(states.map((state) => state.id))];
  const inScope = (table: typeof queueCounts | typeof queueDueCounts): SQL =>
    and(
      eq(table.tenantId, scope.tenantId),
      inArray(table.demarcheId, demarcheIds),
      inArray(table.state, stateIds),
      units === 'all'
        ? undefined
        : inArray(
            table.unitCode,
            units.map((unit) => unit ?? NO_UNIT),
          ),
    )!;
  const today = startOfUtcDay(ctx.now);
  const unitChoice = unitAlternatives(units, dossiers.unitCode);
  const dueToday = and(
    scope.where(
      dossiers,
      submitted(dossiers.reference),
      inArray(dossiers.demarcheId, demarcheIds),
      inArray(dossiers.state, stateIds),
      gte(dossiers.dueAt, today),
      lt(dossiers.dueAt, ctx.now),
    ),
    unitChoice === undefined ? undefined : sql`(${sql.join(unitChoice, sql` or `)})`,
  );
  const stateList = sql.join(
    states.map((state) => sql`${state.id}`),
    sql`, `,
  );
  const demarcheList = sql.join(
    states.map((state) => sql`${state.demarcheId}`),
    sql`, `,
  );
  const result = await ctx.db.execute(sql`
    with totals as (
      select ${queueCounts.demarcheId} as demarche_id, ${queueCounts.state} as state,
             sum(${queueCounts.dossiers}) as count,
             sum(${queueCounts.dossiers}) filter (where ${queueCounts.assigneeId} = ${ctx.viewer.userId}::uuid) as mine,
             sum(${queueCounts.dossiers}) filter (where ${queueCounts.assigneeId} = ${NO_ASSIGNEE}::uuid) as unassigned
        from ${queueCounts} where ${inScope(queueCounts)} group by 1, 2),
    past_days as (
      select ${queueDueCounts.demarcheId} as demarche_id, ${queueDueCounts.state} as state,
             sum(${queueDueCounts.dossiers}) as overdue
        from ${queueDueCounts}
       where ${inScope(queueDueCounts)} and ${queueDueCounts.dueOn} < ${today.toISOString().slice(0, 10)}::date
       group by 1, 2),
    today as (
      select ${dossiers.demarcheId} as demarche_id, ${dossiers.state} as state, count(*) as overdue
        from ${dossiers} where ${dueToday} group by 1, 2)
    select s.demarche_id::text as demarche_id, s.state, coalesce(t.count, 0)::int as "count", coalesce(t.mine, 0)::int as mine,
           coalesce(t.unassigned, 0)::int as unassigned,
           (coalesce(p.overdue, 0) + coalesce(d.overdue, 0))::int as overdue
      from unnest(array[${demarcheList}]::uuid[], array[${stateList}]::text[]) as s(demarche_id, state)
      left join totals t on t.demarche_id = s.demarche_id and t.state = s.state
      left join past_days p on p.demarche_id = s.demarche_id and p.state = s.state
      left join today d on d.demarche_id = s.demarche_id and d.state = s.state`);
  const countOf = new Map(
    (rowsOf(result) as CountRow[]).map((row) => [
      `${row.demarche_id}:${row.state}`,
      {
        count: Number(row.count),
        mine: Number(row.mine),
        unassigned: Number(row.unassigned),
        overdue: Number(row.overdue),
      },
    ]),
  );
  return ok(
    states.map((state) => ({
      ...tabOf(state),
      ...(countOf.get(`${state.demarcheId}:${state.id}`) ?? zero),
    })),
  );
}

function startOfUtcDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}
