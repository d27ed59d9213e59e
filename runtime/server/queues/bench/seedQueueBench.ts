import { socialAidDefinition } from '../../../../shared/testing/socialAidDefinition.ts';
import type { ExecuteSql } from '../../../db/types.ts';
import {
  BENCH_DEMARCHES,
  BENCH_NOW,
  BENCH_SEED_VERSION,
  BENCH_STATES,
  type BenchTenantPlan,
  FIRST_NAMES,
  LAST_NAMES,
  REASONS,
} from './benchWorld.ts';
import { dossierRowsSql } from './dossierRowsSql.ts';

/**
 * Seeds one benchmark tenant with set-based SQL (`generate_series`, no row-by-row
 * round trips): units in a small tree, staff with memberships, citizens and the three
 * démarches published as version 1. Its dossiers come next (`seedBenchDossiers`).
 *
 * @example
 * const tenantId = await seedBenchTenant(executeSql, BENCH_TENANTS[0]!);
 */
export async function seedBenchTenant(
  executeSql: ExecuteSql,
  plan: BenchTenantPlan,
): Promise<string> {
  const { rows } = await executeSql(
    `insert into tenants (slug, name, theme) values ($1, $2, $3::text::jsonb) returning id`,
    [plan.slug, `Bench ${plan.slug}`, JSON.stringify({ benchSeed: BENCH_SEED_VERSION })],
  );
  const tenantId = (rows[0] as { id: string }).id;
  await executeSql(
    `insert into units (tenant_id, code, name)
     select $1::uuid, 'u' || lpad(n::text, 2, '0'), 'Service ' || n from generate_series(1, $2::int) n`,
    [tenantId, plan.units],
  );
  // u01 is the root, u02–u05 its services, the rest teams under a service.
  await executeSql(
    `update units c set parent_id = p.id
     from units p
     where c.tenant_id = $1 and p.tenant_id = $1 and c.code <> 'u01'
       and p.code = case when substr(c.code, 2)::int <= 5 then 'u01'
                         else 'u' || lpad((2 + substr(c.code, 2)::int % 4)::text, 2, '0') end`,
    [tenantId],
  );
  await executeSql(
    `insert into users (tenant_id, email, display_name, kind)
     select $1::uuid, 'admin@' || $2 || '.test', 'Admin', 'staff'
     union all
     select $1::uuid, 'agent-' || lpad(n::text, 3, '0') || '@' || $2 || '.test', 'Agent ' || n, 'staff'
       from generate_series(0, $3::int - 1) n
     union all
     select $1::uuid, 'usager-' || lpad(n::text, 6, '0') || '@' || $2 || '.test', 'Usager ' || n, 'citizen'
       from generate_series(1, $4::int) n`,
    [tenantId, plan.slug, plan.agents, plan.citizens],
  );
  // Agent n belongs to unit n mod units (0-based), as the dossier seed assumes.
  await executeSql(
    `insert into memberships (tenant_id, user_id, role, unit_id)
     select $1::uuid, u.id, 'admin', null from users u where u.tenant_id = $1 and u.email like 'admin@%'
     union all
     select $1::uuid, u.id, 'agent', un.id
     from users u
     join units un on un.tenant_id = $1
       and un.code = 'u' || lpad((1 + substr(u.email, 7, 3)::int % $2::int)::text, 2, '0')
     where u.tenant_id = $1 and u.email like 'agent-%'`,
    [tenantId, plan.units],
  );
  for (const demarche of BENCH_DEMARCHES) {
    const definition = {
      ...socialAidDefinition,
      meta: {
        ...socialAidDefinition.meta,
        slug: demarche.slug,
        title: demarche.title,
        referencePrefix: demarche.prefix,
      },
    };
    await executeSql(
      `with d as (insert into demarches (tenant_id, slug, title, draft) values ($1, $2, $3, $4::text::jsonb) returning id)
       insert into demarche_versions (tenant_id, demarche_id, version, definition, published_at)
       select $1::uuid, d.id, 1, $4::text::jsonb, $5::timestamptz - interval '3 years' from d`,
      [
        tenantId,
        demarche.slug,
        demarche.title,
        JSON.stringify(definition),
        BENCH_NOW.toISOString(),
      ],
    );
  }
  return tenantId;
}

/**
 * Writes the dossiers numbered `from` to `to` of a seeded benchmark tenant: one
 * set-based INSERT … SELECT, in creation order.
 *
 * @example
 * await seedBenchDossiers(executeSql, tenantId, 1, 450_000);
 */
export async function seedBenchDossiers(
  executeSql: ExecuteSql,
  tenantId: string,
  from: number,
  to: number,
): Promise<void> {
  await executeSql(dossierRowsSql(BENCH_STATES), [
    tenantId,
    from,
    BENCH_NOW.toISOString(),
    LAST_NAMES,
    FIRST_NAMES,
    REASONS,
    BENCH_DEMARCHES.map((d) => d.prefix),
    to,
  ]);
}
