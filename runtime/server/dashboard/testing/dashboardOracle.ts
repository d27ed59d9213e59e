import type { Database } from '../../../db/types.ts';

/** The dashboard's figures worked out by plain SQL counts, to compare with the service. */
export interface OracleFigures {
  states: Record<string, { count: number; overdue: number; entered: number }>;
  submitted: number;
  transfers: { in: number; out: number };
  decisions: { count: number; averageMs: number | null; medianMs: number | null };
}

interface OracleQuestion {
  tenantId: string;
  demarcheId: string;
  /** The level's unit codes; null: the whole tenant. */
  codes: string[] | null;
  start: Date;
  end: Date;
  now: Date;
  finalStates: string[];
}

/**
 * Every dashboard figure by `count(*)` over `dossiers` and `dossier_events`, written
 * apart from the service on purpose: the unit a dossier was in after each event comes
 * from window functions over its whole log (the unit the last move led to, or the one
 * the first move left, or its unit now), not from the service's lookups; submissions
 * are transitions leaving `brouillon`; the median is computed here, in JavaScript.
 *
 * @example
 * expect(toComparable(dashboard)).toEqual(await oracleFigures(database, question));
 */
export async function oracleFigures(database: Database, q: OracleQuestion): Promise<OracleFigures> {
  const all = q.codes === null;
  const codes = q.codes ?? [];
  const inLevel = (column: string) => `($7::boolean or ${column} = any($3::text[]))`;
  const base = [
    q.tenantId,
    q.demarcheId,
    codes,
    q.start.toISOString(),
    q.end.toISOString(),
    q.now.toISOString(),
    all,
  ];
  const { rows: now } = await database.executeSql(
    `select state, count(*)::int as count, (count(*) filter (where due_at < $6::timestamptz))::int as overdue
       from dossiers
      where tenant_id = $1 and demarche_id = $2 and reference is not null and ${inLevel('unit_code')}
        and $4::text is not null and $5::text is not null
      group by state`,
    base,
  );
  const placedEvents = `
    with ev as (
      select e.dossier_id, e.seq, e.type, e.at, e.payload, d.submitted_at, d.unit_code as unit_now,
             e.payload -> 'changes' -> 'unit' as move
        from dossier_events e join dossiers d on d.tenant_id = e.tenant_id and d.id = e.dossier_id
       where e.tenant_id = $1 and d.demarche_id = $2),
    numbered as (
      select ev.*, count(move) over (partition by dossier_id order by seq) as moves_before,
             count(move) over (partition by dossier_id) as moves_in_all
        from ev),
    placed as (
      select numbered.*,
             case when moves_before > 0
                  then first_value(move ->> 'after') over (partition by dossier_id, moves_before order by seq)
                  when moves_in_all > 0
                  then first_value(move ->> 'before') over (partition by dossier_id order by move is null, seq)
                  else unit_now end as unit_after
        from numbered)`;
  const { rows: entered } = await database.executeSql(
    `${placedEvents}
     select payload ->> 'to' as state, count(distinct dossier_id)::int as n from placed
      where type = 'transition' and at >= $4::timestamptz and at < $5::timestamptz and ${inLevel('unit_after')}
        and $6::text is not null
      group by 1`,
    base,
  );
  const { rows: submitted } = await database.executeSql(
    `${placedEvents}
     select count(distinct dossier_id)::int as n from placed
      where type = 'transition' and payload ->> 'from' = 'brouillon'
        and at >= $4::timestamptz and at < $5::timestamptz and ${inLevel('unit_after')} and $6::text is not null`,
    base,
  );
  const { rows: decided } = await database.executeSql(
    `${placedEvents}
     select (extract(epoch from at - submitted_at) * 1000)::float8 as ms from placed
      where type = 'transition' and payload ->> 'to' = any($8::text[])
        and at >= $4::timestamptz and at < $5::timestamptz and ${inLevel('unit_after')} and $6::text is not null`,
    [...base, q.finalStates],
  );
  const { rows: moves } = await database.executeSql(
    `select count(distinct dossier_id) filter (where ${inLevel("payload -> 'changes' -> 'unit' ->> 'after'")}
                                                 and not ${inLevel("payload -> 'changes' -> 'unit' ->> 'before'")})::int as "in",
            count(distinct dossier_id) filter (where ${inLevel("payload -> 'changes' -> 'unit' ->> 'before'")}
                                                 and not ${inLevel("payload -> 'changes' -> 'unit' ->> 'after'")})::int as "out"
       from dossier_events e
      where tenant_id = $1 and at >= $4::timestamptz and at < $5::timestamptz
        and payload -> 'changes' -> 'unit' ->> 'before' is not null
        and payload -> 'changes' -> 'unit' ->> 'after' is not null
        and exists (select 1 from dossiers d where d.tenant_id = e.tenant_id and d.id = e.dossier_id and d.demarche_id = $2)
        and $6::text is not null`,
    base,
  );
  const states: OracleFigures['states'] = {};
  const slot = (state: string) => (states[state] ??= { count: 0, overdue: 0, entered: 0 });
  for (const row of now as Array<{ state: string; count: number; overdue: number }>) {
    Object.assign(slot(row.state), { count: Number(row.count), overdue: Number(row.overdue) });
  }
  for (const row of entered as Array<{ state: string; n: number }>)
    slot(row.state).entered = Number(row.n);
  const durations = (decided as Array<{ ms: number }>)
    .map((row) => Number(row.ms))
    .sort((a, b) => a - b);
  const move = (moves as Array<{ in: number; out: number }>)[0]!;
  return {
    states,
    submitted: Number((submitted as Array<{ n: number }>)[0]!.n),
    transfers: { in: Number(move.in), out: Number(move.out) },
    decisions: {
      count: durations.length,
      averageMs:
        durations.length === 0
          ? null
          : Math.round(durations.reduce((a, b) => a + b, 0) / durations.length),
      medianMs: durations.length === 0 ? null : Math.round(median(durations)),
    },
  };
}

function median(sorted: number[]): number {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * The service's answer in the oracle's shape: states with no dossier and nothing entered
 * left out, as a grouped count leaves them out.
 */
export function comparable(dashboard: {
  states: Array<{ state: string; count: number; overdue: number; entered: number }>;
  submitted: number;
  transfers: { in: number; out: number };
  decisions: { count: number; averageMs: number | null; medianMs: number | null };
}): OracleFigures {
  const states: OracleFigures['states'] = {};
  for (const row of dashboard.states) {
    if (row.count === 0 && row.entered === 0) continue;
    states[row.state] = { count: row.count, overdue: row.overdue, entered: row.entered };
  }
  return {
    states,
    submitted: dashboard.submitted,
    transfers: dashboard.transfers,
    decisions: dashboard.decisions,
  };
}
