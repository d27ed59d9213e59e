import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { sqlExecutorFor } from '../driver/sqlExecutorFor.ts';
import { nextReference } from '../references/nextReference.ts';
import { dossiers, PRIORITY_RANKS } from '../schema/dossiers.ts';
import { dossierSearch } from '../search/dossierSearch.ts';
import { tenantScope } from '../tenancy/tenantScope.ts';
import { describeOnEachDriver } from '../testing/describeOnEachDriver.ts';
import { seedDossier, seedTenant } from '../testing/seedTenant.ts';

describeOnEachDriver('dossiers', (database) => {
  it('number references per tenant, prefix and year: unique and increasing, gaps allowed', async () => {
    const { db } = database();
    const a = await seedTenant(db);
    const b = await seedTenant(db);
    const next = (tenantId: string, prefix: string, year: number) =>
      db.transaction((tx) => nextReference(tx, { tenantId, prefix, year }));
    expect(await next(a.tenantId, 'APA', 2026)).toBe('APA-2026-000001');
    expect(await next(a.tenantId, 'APA', 2026)).toBe('APA-2026-000002');
    expect(await next(a.tenantId, 'PCH', 2026)).toBe('PCH-2026-000001');
    expect(await next(a.tenantId, 'APA', 2027)).toBe('APA-2027-000001');
    expect(await next(b.tenantId, 'APA', 2026)).toBe('APA-2026-000001');
    // A rolled-back submit loses its number (a gap); the next one is still higher.
    await expect(
      db.transaction(async (tx) => {
        await nextReference(tx, { tenantId: a.tenantId, prefix: 'APA', year: 2026 });
        throw new Error('submit failed');
      }),
    ).rejects.toThrow('submit failed');
    expect(numberOf(await next(a.tenantId, 'APA', 2026))).toBeGreaterThan(2);
    // Out of a transaction too.
    expect(await nextReference(db, { tenantId: b.tenantId, prefix: 'APA', year: 2026 })).toBe(
      'APA-2026-000002',
    );
    await expect(next(a.tenantId, 'apa; drop', 2026)).rejects.toThrow(/prefix/);
    await expect(next(a.tenantId, 'APA', 20260)).rejects.toThrow(/year/);
  });

  it('number concurrent first submits of a year once each (the sequence is created once)', async () => {
    const { db } = database();
    const { tenantId } = await seedTenant(db);
    const references = await Promise.all(
      Array.from({ length: 8 }, () =>
        db.transaction((tx) => nextReference(tx, { tenantId, prefix: 'APA', year: 2031 })),
      ),
    );
    expect(references.map(numberOf).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    // A year whose first submit rolled back starts again from a sequence of its own.
    await expect(
      db.transaction(async (tx) => {
        await nextReference(tx, { tenantId, prefix: 'APA', year: 2032 });
        throw new Error('submit failed');
      }),
    ).rejects.toThrow('submit failed');
    const after = await db.transaction((tx) =>
      nextReference(tx, { tenantId, prefix: 'APA', year: 2032 }),
    );
    expect(after).toBe('APA-2032-000001');
  });

  it('find dossiers by free text: accents, prefixes, references, e-mails, numbers', async () => {
    const { db } = database();
    const world = await seedTenant(db);
    const eloise = await seedDossier(db, world, {
      reference: 'APA-2026-000777',
      data: { nom: 'Éloïse Dupont-Lefèvre', courriel: 'eloise.dupont@exemple.fr', revenu: 18250 },
    });
    await seedDossier(db, world, { data: { nom: 'Marc Martin', commune: 'Lyon' } });
    const find = async (text: string) => {
      const rows = await db
        .select({ id: dossiers.id })
        .from(dossiers)
        .where(tenantScope(world.tenantId).where(dossiers, dossierSearch(text)));
      return rows.map((row) => row.id);
    };
    expect(await find('eloise')).toEqual([eloise]);
    expect(await find('ÉLOÏSE lefevre')).toEqual([eloise]);
    expect(await find('dupo')).toEqual([eloise]);
    expect(await find('Dupont-Lefèvre')).toEqual([eloise]);
    expect(await find('eloise.dupont@exemple.fr')).toEqual([eloise]);
    expect(await find('18250')).toEqual([eloise]);
    expect(await find('APA-2026-000777')).toEqual([eloise]);
    expect(await find("d'upont")).toEqual([]);
    expect(await find('nom')).toEqual([]); // keys are not indexed
    expect(dossierSearch("  ' \\ ")).toBeUndefined();
  });

  it('filter on a jsonb field and sort by priority', async () => {
    const { db } = database();
    const world = await seedTenant(db);
    const scope = tenantScope(world.tenantId);
    const urgent = await seedDossier(db, world, {
      data: { commune: '75056' },
      priority: PRIORITY_RANKS.urgent,
    });
    const low = await seedDossier(db, world, {
      data: { commune: '75056' },
      priority: PRIORITY_RANKS.low,
    });
    await seedDossier(db, world, { data: { commune: '69123' } });
    const rows = await db
      .select({ id: dossiers.id })
      .from(dossiers)
      .where(scope.where(dossiers, eqJson({ commune: '75056' })))
      .orderBy(desc(dossiers.priority));
    expect(rows.map((row) => row.id)).toEqual([urgent, low]);
  });

  it('serve a queue page from an index, already sorted (keyset pagination)', async () => {
    const { db } = database();
    const world = await seedTenant(db);
    for (let i = 0; i < 5; i += 1) await seedDossier(db, world, { state: 'instruction' });
    await database().executeSql('analyze dossiers');
    await db.transaction(async (tx) => {
      // Tiny tables would be scanned sequentially; this checks the indexes fit the queries.
      await sqlExecutorFor(tx)('set local enable_seqscan = off');
      await sqlExecutorFor(tx)('set local enable_bitmapscan = off');
      const page = tx
        .select({ id: dossiers.id })
        .from(dossiers)
        .where(
          and(
            eq(dossiers.tenantId, world.tenantId),
            eq(dossiers.demarcheId, world.demarcheId),
            inArray(dossiers.state, ['instruction']),
          ),
        )
        .orderBy(desc(dossiers.createdAt), desc(dossiers.id))
        .limit(50)
        .toSQL();
      const { rows } = await sqlExecutorFor(tx)(`explain ${page.sql}`, page.params);
      const plan = rows.map((row) => Object.values(row as object)[0]).join('\n');
      expect(plan).toContain('dossiers_queue_demarche_idx');
      expect(plan).not.toMatch(/\bSort\b/);
    });
  });
});

/** A jsonb containment filter, the shape the GIN `jsonb_path_ops` index serves. */
function eqJson(fragment: Record<string, unknown>) {
  return sql`${dossiers.data} @> ${JSON.stringify(fragment)}::jsonb`;
}

/** 123 for `APA-2026-000123`. */
function numberOf(reference: string): number {
  return Number(reference.split('-').at(-1));
}
