import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourcedChoicesDefinition } from '../../../shared/testing/sourcedChoicesDefinition.ts';
import { insertPublishedDemarche } from '../demo/index.ts';
import { rejection } from '../dossiers/testing/rejection.ts';
import { type DossierServer, startDossierServer } from '../dossiers/testing/startDossierServer.ts';
import { MAX_BODY_BYTES } from '../http/createHttpServer.ts';
import { type SeededTenant, seedTenant } from '../testing/seedTenant.ts';
import type { TestClient } from '../testing/testClient.ts';
import { MAX_REFERENCE_UPLOAD_BYTES, REFERENCE_TABLES_PATH } from './referenceTablesHttpHandler.ts';
import { communesCsv } from './testing/communesCsv.ts';

// The studio's reference-table screen sends the CSV raw to its own route, whose body
// limit (20 MB, admins only) is not the API's 2 MiB (docs/SECURITY.md §117). Through the
// real HTTP server (PGlite, or PostgreSQL as guichet_app).

let server: DossierServer;
let tenant: SeededTenant;
let other: SeededTenant;
let admin: TestClient;

beforeAll(async () => {
  server = await startDossierServer();
  tenant = await seedTenant(server.database.db);
  other = await seedTenant(server.database.db);
  await insertPublishedDemarche(server.database.db, tenant.tenantId, sourcedChoicesDefinition());
  admin = await server.signIn(tenant, 'admin');
});
afterAll(() => server.close());

function upload(client: TestClient, query: string, body: string) {
  return client.fetch(`${REFERENCE_TABLES_PATH}?${query}`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv; charset=utf-8' },
    body,
  });
}

/** The 35,000 communes with a long extra column: past the API's 2 MiB. */
function bigCommunes(): string {
  const [header, ...lines] = communesCsv(35_000).split('\n');
  return [
    `${header};intercommunalite`,
    ...lines.map((line) => `${line};Communauté de communes du Pays de la Forêt et des Étangs`),
  ].join('\n');
}

describe('reference tables through their own route', () => {
  it('previews the first lines and every faulty line, writing nothing', async () => {
    const response = await upload(
      admin,
      'code=ecoles&label=%C3%89coles&apercu=1',
      'code;libelle\nE1;École Jaurès\n;Sans code\nE1;Doublon\n',
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      header: ['code', 'libelle'],
      firstRows: [
        ['E1', 'École Jaurès'],
        ['', 'Sans code'],
        ['E1', 'Doublon'],
      ],
      rowCount: 0,
      errors: [
        { line: 3, message: 'Le code est vide.' },
        { line: 4, message: expect.stringContaining('figure déjà ligne 2') },
      ],
      errorCount: 2,
    });
    const tables = await admin.trpc.dataSources.tables.query({});
    expect(tables.map((table) => table.code)).not.toContain('ecoles');
  });

  it('imports 35,000 communes past the API’s 2 MiB, which still bounds every other request', async () => {
    const csv = bigCommunes();
    const bytes = Buffer.byteLength(csv);
    expect(bytes).toBeGreaterThan(MAX_BODY_BYTES);
    expect(bytes).toBeLessThan(MAX_REFERENCE_UPLOAD_BYTES);
    const response = await upload(admin, 'code=communes&label=Communes', csv);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ code: 'communes', rowCount: 35_000 });
    const [table] = (await admin.trpc.dataSources.tables.query({})).filter(
      (found) => found.code === 'communes',
    );
    expect(table).toMatchObject({
      rowCount: 35_000,
      extraColumns: expect.arrayContaining(['intercommunalite']),
    });
    // The same file through the API is refused by the 2 MiB limit, unchanged.
    const viaApi = await rejection(
      admin.trpc.dataSources.importTable.mutate({ code: 'communes2', label: 'Communes', csv }),
    );
    expect(viaApi.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses a body over 20 MB without writing anything', async () => {
    const line = 'X;Une ligne bien trop longue pour tenir dans la limite fixée\n';
    const huge = `code;libelle\n${line.repeat(Math.ceil(MAX_REFERENCE_UPLOAD_BYTES / line.length) + 10)}`;
    const response = await upload(admin, 'code=enorme&label=Enorme', huge);
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'PAYLOAD_TOO_LARGE',
    );
    const tables = await admin.trpc.dataSources.tables.query({});
    expect(tables.map((table) => table.code)).not.toContain('enorme');
  });

  it('is for the tenant’s admins only', async () => {
    const agent = await server.signIn(tenant, 'agent');
    const csv = 'code;libelle\nA;A\n';
    expect((await upload(agent, 'code=t-agent&label=T', csv)).status).toBe(403);
    expect((await upload(server.client(), 'code=t-anonyme&label=T', csv)).status).toBe(401);
    const tables = await admin.trpc.dataSources.tables.query({});
    expect(tables.map((table) => table.code)).not.toContain('t-agent');
  });
});

describe('deleting a reference table', () => {
  it('refuses while a published démarche names it, with the list; deletes it otherwise', async () => {
    expect(
      (await upload(admin, 'code=communes&label=Communes', 'code;libelle\n1;Un\n')).status,
    ).toBe(200);
    const used = await rejection(admin.trpc.dataSources.deleteTable.mutate({ code: 'communes' }));
    expect(used.code).toBe('CONFLICT');
    expect(used.message).toContain('utilisée par des démarches publiées');
    expect((used.details as { demarches: string[] }).demarches).toHaveLength(1);

    expect(
      (await upload(admin, 'code=rues&label=Rues', 'code;libelle\nR1;Rue Haute\n')).status,
    ).toBe(200);
    const otherAdmin = await server.signIn(other, 'admin');
    const foreign = await rejection(
      otherAdmin.trpc.dataSources.deleteTable.mutate({ code: 'rues' }),
    );
    expect(foreign.code).toBe('NOT_FOUND');
    expect(await admin.trpc.dataSources.deleteTable.mutate({ code: 'rues' })).toEqual({
      code: 'rues',
    });
    const tables = await admin.trpc.dataSources.tables.query({});
    expect(tables.map((table) => table.code)).toEqual(['communes']);
  });
});
