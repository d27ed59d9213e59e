import type { Database } from '../../../db/types.ts';

/**
 * The counter rows that disagree with `count(*)` over the tenant's submitted dossiers,
 * for both counter tables of migration 0012, as readable lines; empty when the
 * counters are exact. Compares every key, not only the sums a screen reads.
 *
 * @example
 * expect(await queueCountDrift(database, world.tenantId)).toEqual([]);
 */
export async function queueCountDrift(database: Database, tenantId: string): Promise<string[]> {
  const { rows } = await database.executeSql(
    `with counted as (
       select demarche_id, state, coalesce(unit_code, '') as unit_code,
              coalesce(assignee_id, '00000000-0000-0000-0000-000000000000'::uuid) as assignee_id,
              count(*)::int as n
         from dossiers where tenant_id = $1 and reference is not null group by 1, 2, 3, 4),
     kept as (
       select demarche_id, state, unit_code, assignee_id, sum(dossiers)::int as n
         from queue_counts where tenant_id = $1 group by 1, 2, 3, 4 having sum(dossiers) <> 0),
     due_counted as (
       select demarche_id, state, coalesce(unit_code, '') as unit_code,
              (due_at at time zone 'UTC')::date as due_on, count(*)::int as n
         from dossiers where tenant_id = $1 and reference is not null and due_at is not null
        group by 1, 2, 3, 4),
     due_kept as (
       select demarche_id, state, unit_code, due_on, dossiers as n
         from queue_due_counts where tenant_id = $1 and dossiers <> 0)
     select 'counts ' || coalesce(c.state, k.state) || ' ' || coalesce(c.unit_code, k.unit_code)
            || ': ' || coalesce(c.n, 0) || ' dossiers, counter ' || coalesce(k.n, 0) as line
       from counted c full join kept k using (demarche_id, state, unit_code, assignee_id)
      where c.n is distinct from k.n
     union all
     select 'due ' || coalesce(c.state, k.state) || ' ' || coalesce(c.due_on, k.due_on)
            || ': ' || coalesce(c.n, 0) || ' dossiers, counter ' || coalesce(k.n, 0)
       from due_counted c full join due_kept k using (demarche_id, state, unit_code, due_on)
      where c.n is distinct from k.n`,
    [tenantId],
  );
  return (rows as Array<{ line: string }>).map((row) => row.line);
}
