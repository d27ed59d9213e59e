/**
 * The INSERT … SELECT that writes a tenant's benchmark dossiers numbered $2 to $8.
 * Parameters: $1 tenant, $2 first number, $3 "now", $4 last names, $5 first names, $6
 * reasons, $7 reference prefixes (in démarche slug order), $8 last number.
 *
 * Every choice comes from `hashint4` of the row number, so the data is the same on
 * every run without a random seed: state by the shares of `states`; open dossiers
 * created within the last 120 days and closed ones within 3 years; one row in fifty
 * created on the hour (bulk imports: ties on `created_at`); 5 % unrouted; dossiers past
 * `depose` assigned to an agent of their unit; due dates from each state's SLA, so part
 * of them are overdue; priorities 15 % low, 70 % normal, 10 % high, 5 % urgent. Rows are
 * written in creation order, as a table that grows with time is laid out on disk.
 *
 * @example
 * await executeSql(dossierRowsSql(BENCH_STATES), [tenantId, 1, now, …, 450_000]);
 */
export function dossierRowsSql(states: ReadonlyArray<readonly [string, number]>): string {
  let bound = 0;
  const stateCase = states
    .map(([state, share]) => {
      bound += share;
      return `when h.h1 % 100 < ${bound} then '${state}'`;
    })
    .join(' ');
  return `
with p as (
  select
    (select array_agg(id order by slug) from demarches where tenant_id = $1) as dem,
    (select array_agg(code order by code) from units where tenant_id = $1) as units,
    (select array_agg(id order by email) from users where tenant_id = $1 and email like 'usager-%') as citizens,
    (select array_agg(id order by email) from users where tenant_id = $1 and email like 'agent-%') as agents,
    $4::text[] as last_names, $5::text[] as first_names, $6::text[] as reasons, $7::text[] as prefixes
)
insert into dossiers (tenant_id, demarche_id, version, reference, applicant_id, state, revision, data,
  unit_code, assignee_id, priority, created_at, submitted_at, entered_state_at, due_at, updated_at)
select
  $1::uuid, p.dem[1 + i % 3], 1,
  case when s.state = 'brouillon' then null
       else p.prefixes[1 + i % 3] || '-' || to_char(c.created_at, 'YYYY') || '-' || lpad(i::text, 7, '0') end,
  p.citizens[1 + h.h2 % cardinality(p.citizens)],
  s.state, 1 + h.h3 % 5,
  jsonb_build_object(
    'nom', p.last_names[1 + h.h4 % cardinality(p.last_names)],
    'prenom', p.first_names[1 + h.h5 % cardinality(p.first_names)],
    'email', 'usager' || i || '@exemple.fr',
    'commune', (75000 + h.h6 % 200)::text,
    'revenuMensuel', h.h7 % 3000,
    'situation', case when h.h8 % 2 = 0 then 'seul' else 'couple' end,
    'enfants', h.h9 % 5,
    'motif', p.reasons[1 + h.h10 % cardinality(p.reasons)]),
  case when h.h11 % 20 = 0 then null else p.units[1 + u.ui] end,
  case when s.state in ('brouillon', 'depose', 'retire') then null
       when h.h11 % 20 = 0 then p.agents[1 + h.h12 % cardinality(p.agents)]
       else p.agents[1 + u.ui + cardinality(p.units) * (h.h12 % (cardinality(p.agents) / cardinality(p.units)))] end,
  case when h.h13 % 100 < 15 then 0 when h.h13 % 100 < 85 then 1 when h.h13 % 100 < 95 then 2 else 3 end,
  c.created_at,
  case when s.state = 'brouillon' then null else c.created_at + interval '1 hour' end,
  e.entered,
  case s.state when 'depose' then e.entered + interval '5 days'
               when 'en_instruction' then e.entered + interval '1 month'
               when 'complement' then e.entered + interval '15 days' end,
  e.entered
from p, generate_series($2::int, $8::int) as i
cross join lateral (select
  hashint4(i * 32 + 1) & 2147483647 as h1, hashint4(i * 32 + 2) & 2147483647 as h2,
  hashint4(i * 32 + 3) & 2147483647 as h3, hashint4(i * 32 + 4) & 2147483647 as h4,
  hashint4(i * 32 + 5) & 2147483647 as h5, hashint4(i * 32 + 6) & 2147483647 as h6,
  hashint4(i * 32 + 7) & 2147483647 as h7, hashint4(i * 32 + 8) & 2147483647 as h8,
  hashint4(i * 32 + 9) & 2147483647 as h9, hashint4(i * 32 + 10) & 2147483647 as h10,
  hashint4(i * 32 + 11) & 2147483647 as h11, hashint4(i * 32 + 12) & 2147483647 as h12,
  hashint4(i * 32 + 13) & 2147483647 as h13, hashint4(i * 32 + 14) & 2147483647 as h14,
  hashint4(i * 32 + 15) & 2147483647 as h15, hashint4(i * 32 + 16) & 2147483647 as h16) as h
cross join lateral (select case ${stateCase} end as state) as s
cross join lateral (select h.h14 % cardinality(p.units) as ui) as u
cross join lateral (select
  $3::timestamptz
    - make_interval(secs => h.h15 % (case when s.state in ('accepte', 'refuse', 'retire') then 94608000 else 10368000 end))
    - (h.h16 % 1000000) * interval '1 microsecond' as raw) as c0
cross join lateral (select case when h.h3 % 50 = 0 then date_trunc('hour', c0.raw) else c0.raw end as created_at) as c
cross join lateral (select c.created_at
  + make_interval(secs => h.h7 % greatest(1, extract(epoch from $3::timestamptz - c.created_at)::int)) as entered) as e
order by c.created_at
`;
}
