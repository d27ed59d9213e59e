import { beforeAll, expect, it } from 'vitest';
import { describeOnEachDriver, type SeededTenant, seedTenant } from '../../db/testing/index.ts';
import {
  type DuePageKey,
  type DuePageRequest,
  dueDossierPage,
  duePageQuery,
} from './dueDossierPage.ts';

const NOW = new Date('2026-06-01T12:00:00.000Z');
const STATES = ['depose', 'en_instruction', 'complement', 'accepte', 'refuse'];

describeOnEachDriver('dueDossierPage', (database) => {
  let world: SeededTenant;
  const request = (overrides: Partial<DuePageRequest> = {}): DuePageRequest => ({
    version: world,
    state: 'complement',
    enteredBy: new Date(NOW.getTime() - 30 * 24 * 3_600_000),
    after: null,
    limit: 100,
    ...overrides,
  });

  beforeAll(async () => {
    world = await seedTenant(database().db);
    // 5,000 dossiers, one state in five, one entering each hour back from NOW; the
    // microseconds of `clock_timestamp()` make the page keys finer than a JS Date.
    await database().executeSql(
      `insert into dossiers (tenant_id, demarche_id, version, applicant_id, state, entered_state_at)
       select $1, $2, 1, $3, (array['${STATES.join("','")}'])[1 + i % 5],
              $4::timestamptz - make_interval(hours => i) + (clock_timestamp() - date_trunc('second', clock_timestamp()))
         from generate_series(1, 5000) as i`,
      [world.tenantId, world.demarcheId, world.citizenId, NOW.toISOString()],
    );
    await database().executeSql('analyze dossiers');
  });

  it('pages through the dossiers in the state since the bound, oldest first, each once', async () => {
    const seen: Array<{ id: string; at: number }> = [];
    let after: DuePageKey | null = null;
    for (;;) {
      const page = await dueDossierPage(database().db, request({ after, limit: 7 }));
      seen.push(...page.map(({ row }) => ({ id: row.id, at: row.enteredStateAt.getTime() })));
      if (page.length < 7) break;
      after = page.at(-1)!.key;
    }
    // 720 hours in the window before the bound are excluded: (5000 - 720) / 5 in the state.
    const { rows } = await database().executeSql(
      `select count(*)::int as n from dossiers
        where tenant_id = $1 and state = 'complement' and entered_state_at <= $2`,
      [world.tenantId, request().enteredBy.toISOString()],
    );
    expect(seen).toHaveLength((rows[0] as { n: number }).n);
    expect(seen.length).toBeGreaterThan(800);
    expect(new Set(seen.map((s) => s.id)).size).toBe(seen.length);
    expect(seen.map((s) => s.at)).toEqual([...seen.map((s) => s.at)].sort((a, b) => a - b));
    expect(seen.at(-1)!.at).toBeLessThanOrEqual(request().enteredBy.getTime());
  });

  it('reads only the due dossiers, in order, from the timers’ index', async () => {
    const key: DuePageKey = { enteredStateAt: '2026-01-01 00:00:00.123456+00', id: world.tenantId };
    for (const after of [null, key]) {
      const query = duePageQuery(database().db, request({ after })).toSQL();
      const { rows } = await database().executeSql(`explain ${query.sql}`, query.params);
      const plan = rows.map((row) => Object.values(row as object)[0]).join('\n');
      expect(plan).toMatch(/Index Scan using dossiers_state_entered_idx on dossiers/);
      expect(plan).not.toMatch(/Seq Scan|Sort/);
    }
  });
});
