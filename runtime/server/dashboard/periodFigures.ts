import { sql } from 'drizzle-orm';
import { rowsOf } from '../../db/index.ts';
import type { AppDatabase } from '../../db/types.ts';
import type { DashboardLevel } from './dashboardLevel.ts';
import { inLevel, sqlList } from './levelCondition.ts';
import type { ParisPeriod } from './parisPeriod.ts';

/** What happened to the level's dossiers during a period. */
export interface PeriodFigures {
  /** Per state of each démarche (`stateKey`): dossiers that entered it during the period (each dossier once). */
  entered: Map<string, number>;
  /** Dossiers submitted (numbered, leaving their draft) during the period. */
  submitted: number;
  /** Dossiers whose unit moved into the level from a unit outside it. */
  transfersIn: number;
  /** Dossiers whose unit moved from the level to a unit outside it. */
  transfersOut: number;
  /** Dossiers that reached a final state during the period, and how long from submission. */
  decided: number;
  averageMs: number | null;
  medianMs: number | null;
}

interface Scope {
  tenantId: string;
  demarcheIds: string[];
  finalStateIds: string[];
  level: DashboardLevel;
  period: ParisPeriod;
}

/**
 * The period's figures, read from the events (`dossier_events`, the dossiers' own log):
 * `transition` events give the states entered (`payload.to`), submissions (the one that
 * numbered the dossier carries its `reference`) and decisions (a final `to`, timed from
 * `submitted_at`); every event whose `payload.changes.unit` moved the dossier between
 * two units gives the transfers.
 *
 * A state entered counts for the unit the dossier was in right after the transition —
 * the one the transition moved it to, else the last one an earlier event moved it to,
 * else (no move before) the one the first later move left, else its unit now — so a
 * member validated in Lyon and transferred to Paris since still counts for Lyon in the
 * month of the validation. Routing a new dossier (from no unit) is no transfer.
 *
 * The events of the period are read once, by the `(tenant_id, type, at)` index
 * (`dossier_events_period_idx`), each joined to its dossier by primary key, in one
 * MATERIALIZED CTE that both the states and the transfers read. Inlined, the planner — misled by stale statistics on a table that grows
 * fast — drove the join from the démarche's dossiers instead, reading every dossier (9 s
 * on 10,000 dossiers before ANALYZE, against milliseconds).
 *
 * @example
 * await periodFigures(db, { tenantId, demarcheIds, finalStateIds, level, period });
 */
export async function periodFigures(db: AppDatabase, scope: Scope): Promise<PeriodFigures> {
  const { level, period } = scope;
  const none: PeriodFigures = {
    entered: new Map(),
    submitted: 0,
    transfersIn: 0,
    transfersOut: 0,
    decided: 0,
    averageMs: null,
    medianMs: null,
  };
  if (scope.demarcheIds.length === 0 || (level.codes !== 'all' && level.codes.length === 0)) {
    return none;
  }
  const demarches = sql.join(
    scope.demarcheIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const finals = scope.finalStateIds.length === 0 ? sql`null` : sqlList(scope.finalStateIds);
  const inPeriod = (alias: string) =>
    sql`${sql.raw(alias)}.tenant_id = ${scope.tenantId}
        and ${sql.raw(alias)}.at >= ${period.start.toISOString()}::timestamptz
        and ${sql.raw(alias)}.at < ${period.end.toISOString()}::timestamptz`;
  const moved = sql`u.tenant_id = e.tenant_id and u.dossier_id = e.dossier_id
                    and (u.payload -> 'changes' -> 'unit') is not null`;
  // The whole tenant takes every unit: no need to find where each dossier was.
  const whole = level.codes === 'all';
  const placed = whole
    ? sql`null::text`
    : sql`case
      when last_move.unit is not null then last_move.unit ->> 'after'
      when next_move.unit is not null then next_move.unit ->> 'before'
      else e.unit_code end`;
  const lookups = whole
    ? sql``
    : sql`
        left join lateral (
          select u.payload -> 'changes' -> 'unit' as unit from dossier_events u
           where ${moved} and u.seq <= e.seq order by u.seq desc limit 1) last_move on true
        left join lateral (
          select u.payload -> 'changes' -> 'unit' as unit from dossier_events u
           where ${moved} and u.seq > e.seq order by u.seq asc limit 1) next_move on true`;
  const result = await db.execute(sql`
    with period_events as materialized (
      select e.tenant_id, e.dossier_id, e.seq, e.type, e.at, e.payload,
             d.submitted_at, d.unit_code, d.demarche_id
        from dossier_events e
        join dossiers d on d.tenant_id = e.tenant_id and d.id = e.dossier_id
       where ${inPeriod('e')} and e.type in ('transition', 'assignment_changed')
         and d.demarche_id in (${demarches})),
    transitions as (
      select e.dossier_id, e.demarche_id, e.at, e.payload ->> 'to' as to_state,
             (e.payload ->> 'reference') is not null as numbered,
             e.submitted_at, ${placed} as unit
        from period_events e ${lookups}
       where e.type = 'transition'),
    in_level as (select * from transitions where ${inLevel(level, sql`unit`)}),
    moves as (
      select e.dossier_id, e.payload -> 'changes' -> 'unit' ->> 'before' as before,
             e.payload -> 'changes' -> 'unit' ->> 'after' as after
        from period_events e
       where (e.payload -> 'changes' -> 'unit' ->> 'before') is not null
         and (e.payload -> 'changes' -> 'unit' ->> 'after') is not null)
    select 'entered' as kind, demarche_id::text || ':' || to_state as state,
           count(distinct dossier_id)::int as n, null::float8 as average, null::float8 as median
      from in_level group by demarche_id, to_state
    union all
    select 'submitted', null, count(distinct dossier_id)::int, null, null
      from in_level where numbered
    union all
    select 'decided', null, count(*)::int,
           avg(extract(epoch from (at - submitted_at)) * 1000)::float8,
           (percentile_cont(0.5) within group (order by extract(epoch from (at - submitted_at)) * 1000))::float8
      from in_level where to_state in (${finals}) and submitted_at is not null
    union all
    select 'in', null, count(distinct dossier_id)::int, null, null from moves
     where ${inLevel(level, sql`after`)} and not ${inLevel(level, sql`before`)}
    union all
    select 'out', null, count(distinct dossier_id)::int, null, null from moves
     where ${inLevel(level, sql`before`)} and not ${inLevel(level, sql`after`)}`);
  const figures = { ...none, entered: new Map<string, number>() };
  type Row = {
    kind: string;
    state: string | null;
    n: number;
    average: number | null;
    median: number | null;
  };
  for (const row of rowsOf(result) as Row[]) {
    const n = Number(row.n);
    if (row.kind === 'entered' && row.state !== null) figures.entered.set(row.state, n);
    else if (row.kind === 'submitted') figures.submitted = n;
    else if (row.kind === 'in') figures.transfersIn = n;
    else if (row.kind === 'out') figures.transfersOut = n;
    else if (row.kind === 'decided') {
      figures.decided = n;
      figures.averageMs = row.average === null ? null : Math.round(Number(row.average));
      figures.medianMs = row.median === null ? null : Math.round(Number(row.median));
    }
  }
  return figures;
}
