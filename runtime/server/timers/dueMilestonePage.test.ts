import { beforeAll, expect, it } from 'vitest';
import { describeOnEachDriver, type SeededTenant, seedTenant } from '../../db/testing/index.ts';
import type { DuePageKey } from './dueDossierPage.ts';
import {
  type DueMilestoneRequest,
  dueMilestonePage,
  dueMilestoneQuery,
} from './dueMilestonePage.ts';

const NOW = new Date('2026-06-01T12:00:00.000Z');
const HOUR_MS = 3_600_000;

describeOnEachDriver('dueMilestonePage', (database) => {
  let world: SeededTenant;
  const request = (overrides: Partial<DueMilestoneRequest> = {}): DueMilestoneRequest => ({
    version: world,
    state: 'en_instruction',
    milestone: 'complet',
    transition: 'silence',
    reachedBy: new Date(NOW.getTime() - 1000 * HOUR_MS),
    after: null,
    limit: 100,
    ...overrides,
  });

  beforeAll(async () => {
    world = await seedTenant(database().db);
    // 2,000 dossiers in three states; every other one reached `complet` i hours before
    // NOW; one in ten of those already saw the timer fire after it.
    await database().executeSql(
      `insert into dossiers (tenant_id, demarche_id, version, applicant_id, state)
       select $1, $2, 1, $3, (array['depose','en_instruction','complement'])[1 + i % 3]
         from generate_series(1, 2000) as i`,
      [world.tenantId, world.demarcheId, world.citizenId],
    );
    await database().executeSql(
      `insert into dossier_events (tenant_id, dossier_id, type, at, payload)
       select d.tenant_id, d.id, 'transition', $2::timestamptz - make_interval(hours => n.i::int),
              '{"transition":"declarer","milestone":"complet"}'::jsonb
         from (select id, tenant_id, row_number() over (order by id) as i from dossiers where tenant_id = $1) as n
         join dossiers d on d.id = n.id and d.tenant_id = n.tenant_id
        where n.i % 2 = 0`,
      [world.tenantId, NOW.toISOString()],
    );
    await database().executeSql(
      `insert into dossier_events (tenant_id, dossier_id, type, at, payload)
       select e.tenant_id, e.dossier_id, 'transition', e.at + interval '1 hour', '{"transition":"silence"}'::jsonb
         from dossier_events e where e.tenant_id = $1 and e.payload->>'milestone' = 'complet'
          and e.dossier_id in (select id from dossiers where tenant_id = $1 order by id limit 200)`,
      [world.tenantId],
    );
    await database().executeSql('analyze dossiers');
    await database().executeSql('analyze dossier_events');
  });

  it('pages through the dossiers due by their milestone, oldest first, each once, not fired since', async () => {
    const seen: Array<{ id: string; at: string }> = [];
    let after: DuePageKey | null = null;
    for (;;) {
      const page = await dueMilestonePage(database().db, request({ after, limit: 13 }));
      seen.push(...page.map(({ row, milestoneAt }) => ({ id: row.id, at: milestoneAt })));
      if (page.length < 13) break;
      after = page.at(-1)!.key;
    }
    const { rows } = await database().executeSql(
      `select count(*)::int as n from dossiers d
        where d.tenant_id = $1 and d.state = 'en_instruction'
          and exists (select 1 from dossier_events e where e.tenant_id = d.tenant_id and e.dossier_id = d.id
                       and e.payload->>'milestone' = 'complet' and e.at <= $2)
          and not exists (select 1 from dossier_events f where f.tenant_id = d.tenant_id and f.dossier_id = d.id
                       and f.payload->>'transition' = 'silence')`,
      [world.tenantId, request().reachedBy.toISOString()],
    );
    expect(seen).toHaveLength((rows[0] as { n: number }).n);
    expect(seen.length).toBeGreaterThan(100);
    expect(new Set(seen.map((s) => s.id)).size).toBe(seen.length);
    expect(seen.map((s) => s.at)).toEqual([...seen.map((s) => s.at)].sort());
    expect(seen.at(-1)!.at <= request().reachedBy.toISOString()).toBe(true);
  });

  it('reads the dossiers of the state from an index and probes their events by dossier', async () => {
    const query = dueMilestoneQuery(database().db, request()).toSQL();
    const { rows } = await database().executeSql(`explain ${query.sql}`, query.params);
    const plan = rows.map((row) => Object.values(row as object)[0]).join('\n');
    // Both indexes lead with (tenant, démarche, state): the planner takes either.
    expect(plan).toMatch(
      /Index Scan using dossiers_(state_entered|queue_demarche)_idx on dossiers/,
    );
    expect(plan).not.toMatch(/Seq Scan on dossiers/);
    // The milestone probes; « fired since » may be hashed from a small events table.
    expect(plan).toMatch(
      /Index Scan using dossier_events_tenant_dossier_seq_key on dossier_events/,
    );
  });
});
