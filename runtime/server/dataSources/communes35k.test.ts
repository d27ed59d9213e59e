import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourcedChoicesDefinition } from '../../../shared/testing/sourcedChoicesDefinition.ts';
import { insertPublishedDemarche } from '../demo/index.ts';
import { type DossierServer, startDossierServer } from '../dossiers/testing/startDossierServer.ts';
import { type SeededTenant, seedTenant } from '../testing/seedTenant.ts';
import type { TestClient } from '../testing/testClient.ts';
import { startingWith } from './referenceQueries.ts';
import { normaliseQuery } from './searchKey.ts';
import { communesCsv } from './testing/communesCsv.ts';

// The whole French commune list is about 35,000 lines: it imports through the API in one
// request and is searched through the index (PGlite, or PostgreSQL as guichet_app).
// Speed targets live in `npm run bench:sources`; this proves the size works.

const ROWS = 35_000;
let server: DossierServer;
let tenant: SeededTenant;
let admin: TestClient;

beforeAll(async () => {
  server = await startDossierServer();
  tenant = await seedTenant(server.database.db);
  await insertPublishedDemarche(server.database.db, tenant.tenantId, sourcedChoicesDefinition());
  admin = await server.signIn(tenant, 'admin');
});
afterAll(() => server.close());

describe('35,000 communes', () => {
  it('import in one request and are searched as the citizen types', async () => {
    const csv = communesCsv(ROWS);
    expect(csv.length).toBeLessThan(1_900_000);
    const imported = await admin.trpc.dataSources.importTable.mutate({
      code: 'communes',
      label: 'Communes',
      csv,
    });
    expect(imported).toEqual({ code: 'communes', rowCount: ROWS });
    const search = (query: string) =>
      server.client().trpc.dataSources.search.query({
        tenant: tenant.slug,
        demarche: 'aide-scolaire',
        source: 'communes',
        query,
      });
    const saints = await search('SAINTE-');
    expect(saints.entries).toHaveLength(20);
    expect(saints.more).toBe(true);
    expect(saints.entries.every((entry) => entry.label.startsWith('Sainte-'))).toBe(true);
    // 34999 in base 36 is « qzj »; line 34999 is « Sainte-qzj-sur-Loire »… whatever its name,
    // its code finds it, and a later word of its name does too.
    const last = await search('35999');
    expect(last.entries).toEqual([{ value: '35999', label: expect.stringContaining('-') }]);
    expect((await search('epinay 6')).entries.length).toBeGreaterThan(0);
    expect((await search('forez')).entries.every((entry) => entry.label.includes('en-Forez'))).toBe(
      true,
    );
  });

  it('serves the prefix search from the btree index on search_key', async () => {
    await server.ownerDatabase.executeSql('analyze reference_rows');
    // A common prefix (10,000 « saint… ») and a rare one: both read off the index.
    for (const typed of ['Saint-', 'Sainte-qz']) {
      const query = startingWith(
        server.database.db,
        tenant.tenantId,
        'communes',
        normaliseQuery(typed),
        21,
      ).toSQL();
      const { rows } = await server.database.executeSql(`explain ${query.sql}`, query.params);
      const plan = rows.map((row) => Object.values(row as object)[0]).join('\n');
      expect(plan).toMatch(/Index Scan using reference_rows_search_idx/);
      expect(plan).not.toMatch(/Seq Scan|Sort/);
    }
  });
});
