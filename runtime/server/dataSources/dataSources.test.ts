import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourcedChoicesDefinition } from '../../../shared/testing/sourcedChoicesDefinition.ts';
import { auditLog } from '../../db/index.ts';
import { insertPublishedDemarche } from '../demo/index.ts';
import { rejection } from '../dossiers/testing/rejection.ts';
import { type DossierServer, startDossierServer } from '../dossiers/testing/startDossierServer.ts';
import { type SeededTenant, seedTenant } from '../testing/seedTenant.ts';
import type { TestClient } from '../testing/testClient.ts';
import { type JsonHttpsServer, startJsonHttpsServer } from './testing/startJsonHttpsServer.ts';
import { createUrlSourceCache } from './urlSourceCache.ts';

// Choices from data sources through the real HTTP API (PGlite, or PostgreSQL as
// guichet_app when DATABASE_URL is set): an admin imports a reference table, a citizen
// searches it as they type, and every save and submission checks the chosen codes.

const COMMUNES = [
  'code;libelle;code_postal',
  '42218;Saint-Étienne;42000',
  '69123;Lyon;69001',
  '69266;Villeurbanne;69100',
  '69029;Bron;69500',
  '01053;Bourg-en-Bresse;01000',
  '38185;Grenoble;38000',
].join('\n');
const SCHOOLS = {
  resultats: [
    { identifiant: '0690001A', nom: 'École Jean Macé' },
    { identifiant: '0690002B', nom: 'École Condorcet' },
    { nom: 'Sans identifiant' },
  ],
};

let server: DossierServer;
let remote: JsonHttpsServer;
let urlSources: ReturnType<typeof createUrlSourceCache>;
let tenant: SeededTenant;
let admin: TestClient;
let citizen: TestClient;
let anonymous: TestClient;

beforeAll(async () => {
  remote = await startJsonHttpsServer();
  remote.answer('/ecoles.json', SCHOOLS);
  // The remote is on loopback: only this test's reader may call it, trusting its certificate.
  urlSources = createUrlSourceCache({
    allowPrivateTargets: true,
    ca: remote.ca,
    timeoutMs: 2_000,
    maxBytes: 100_000,
  });
  server = await startDossierServer({ urlSources });
  tenant = await seedTenant(server.database.db);
  await insertPublishedDemarche(
    server.database.db,
    tenant.tenantId,
    sourcedChoicesDefinition(`${remote.origin}/ecoles.json`),
  );
  admin = await server.signIn(tenant, 'admin');
  citizen = await server.signIn(tenant, 'citizen');
  anonymous = server.client();
  await admin.trpc.dataSources.importTable.mutate({
    code: 'communes',
    label: 'Communes',
    csv: COMMUNES,
  });
});
afterAll(async () => {
  await server.close();
  await remote.close();
});

function search(source: string, query: string, extra: { limit?: number; value?: string } = {}) {
  return anonymous.trpc.dataSources.search.query({
    tenant: tenant.slug,
    demarche: 'aide-scolaire',
    source,
    query,
    ...extra,
  });
}

async function draftWith(data: Record<string, unknown>) {
  const { id } = await citizen.trpc.dossiers.create.mutate({ demarche: 'aide-scolaire' });
  return { id, saved: citizen.trpc.dossiers.saveDraft.mutate({ id, data, revision: 0 }) };
}

describe('reference tables', () => {
  it('imports a CSV for the admin, lists it, and audits the import', async () => {
    const tables = await admin.trpc.dataSources.tables.query({});
    expect(tables).toEqual([
      expect.objectContaining({
        code: 'communes',
        label: 'Communes',
        rowCount: 6,
        extraColumns: ['code_postal'],
      }),
    ]);
    const audit = await server.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.tenantId, tenant.tenantId),
          eq(auditLog.object, 'reference_table:communes'),
        ),
      );
    expect(audit.map((row) => row.action)).toContain('reference_table.imported');
  });

  it('refuses a faulty file whole, every faulty line in French', async () => {
    const refused = await rejection(
      admin.trpc.dataSources.importTable.mutate({
        code: 'communes',
        label: 'Communes',
        csv: 'code;libelle\n69123;Lyon\n;Sans code\n69123;Lyon bis\n',
      }),
    );
    expect(refused).toMatchObject({ code: 'BAD_REQUEST', domainCode: 'INVALID_CSV' });
    expect(refused.message).toContain('Ligne 3 : Le code est vide.');
    expect(refused.message).toContain('figure déjà ligne 2');
    // Nothing changed.
    expect((await search('communes', '')).entries).toHaveLength(6);
  });

  it('is for admins only', async () => {
    const agent = await server.signIn(tenant, 'agent');
    const refused = await rejection(
      agent.trpc.dataSources.importTable.mutate({
        code: 'x',
        label: 'X',
        csv: 'code;libelle\na;A',
      }),
    );
    expect(refused.code).toBe('FORBIDDEN');
    expect((await rejection(citizen.trpc.dataSources.tables.query({}))).code).toBe('FORBIDDEN');
  });
});

describe('searching a source as the citizen types', () => {
  it('matches without accents or case, prefixes first, within the limit', async () => {
    expect((await search('communes', 'SAINT eti')).entries).toEqual([
      { value: '42218', label: 'Saint-Étienne' },
    ]);
    // « b » starts two labels, in label order; Villeurbanne and Grenoble hold a b but
    // no word of theirs starts with one.
    expect((await search('communes', 'b')).entries.map((entry) => entry.label)).toEqual([
      'Bourg-en-Bresse',
      'Bron',
    ]);
    // A later word's start, after the prefixes.
    expect((await search('communes', 'bresse')).entries).toEqual([
      { value: '01053', label: 'Bourg-en-Bresse' },
    ]);
    expect(await search('communes', '', { limit: 2 })).toMatchObject({ more: true });
    expect((await search('communes', '69123')).entries).toEqual([
      { value: '69123', label: 'Lyon' },
    ]);
    expect((await search('communes', '%')).entries).toEqual(
      (await search('communes', '')).entries.slice(0, 20),
    );
  });

  it('finds a saved code’s label', async () => {
    expect(await search('communes', '', { value: '69266' })).toEqual({
      entries: [{ value: '69266', label: 'Villeurbanne' }],
      more: false,
    });
  });

  it('offers only the sources a published démarche declares', async () => {
    await admin.trpc.dataSources.importTable.mutate({
      code: 'agents',
      label: 'Table interne',
      csv: 'code;libelle\nsecret;Ne pas montrer',
    });
    const refused = await rejection(search('agents', ''));
    expect(refused).toMatchObject({ code: 'NOT_FOUND' });
    const other = await rejection(
      anonymous.trpc.dataSources.search.query({
        tenant: tenant.slug,
        demarche: 'aide-sociale',
        source: 'communes',
        query: '',
      }),
    );
    expect(other.code).toBe('NOT_FOUND');
  });

  it('searches a static list and a URL source by the same rule', async () => {
    expect((await search('niveaux', 'ce')).entries).toEqual([{ value: 'ce1', label: 'CE1' }]);
    expect((await search('ecoles', 'macé')).entries).toEqual([
      { value: '0690001A', label: 'École Jean Macé' },
    ]);
  });
});

describe('the stored value is checked against its source', () => {
  it('accepts entries of the sources on save', async () => {
    const { saved } = await draftWith({ commune: '69123', ecole: '0690002B', niveau: 'cp' });
    expect((await saved).savedFields).toEqual(['commune', 'ecole', 'niveau']);
  });

  it('refuses anything else beside its field, in French', async () => {
    const { saved } = await draftWith({ commune: 'Lyon', ecole: '0690009Z', niveau: 'cm2' });
    const refused = await rejection(saved);
    expect(refused).toMatchObject({ code: 'BAD_REQUEST', domainCode: 'INVALID_DATA' });
    expect(refused.fieldErrors).toEqual({
      commune: ['Choisissez une valeur dans la liste proposée.'],
      ecole: ['Choisissez une valeur dans la liste proposée.'],
      niveau: ['Choisissez une valeur dans la liste proposée.'],
    });
  });

  it('replaces a table atomically on re-import, and submission checks again', async () => {
    const { id, saved } = await draftWith({ commune: '38185' });
    const { revision } = await saved;
    await admin.trpc.dataSources.importTable.mutate({
      code: 'communes',
      label: 'Communes du Rhône',
      csv: 'code;libelle\n69123;Lyon\n69266;Villeurbanne\n',
    });
    expect((await search('communes', '')).entries.map((entry) => entry.value)).toEqual([
      '69123',
      '69266',
    ]);
    const refused = await rejection(
      citizen.trpc.dossiers.submit.mutate({
        id,
        transition: 'deposer',
        revision,
        idempotencyKey: crypto.randomUUID(),
      }),
    );
    expect(refused.fieldErrors?.['commune']).toEqual([
      'Choisissez une valeur dans la liste proposée.',
    ]);
  });
});

describe('URL sources', () => {
  it('are fetched once and kept for cacheSeconds, then fetched again', async () => {
    const before = remote.hits.length;
    await search('ecoles', 'jean');
    await search('ecoles', 'condorcet');
    await draftWith({ ecole: '0690001A' }).then(({ saved }) => saved);
    expect(remote.hits.length - before).toBeLessThanOrEqual(1);
    const cached = remote.hits.length;
    server.clock.advance(601_000);
    await search('ecoles', 'jean');
    expect(remote.hits.length).toBe(cached + 1);
    // The remote fails at the next refresh: the last good list is still served.
    remote.answer('/ecoles.json', { erreur: 'maintenance' }, { status: 503 });
    server.clock.advance(601_000);
    expect((await search('ecoles', 'jean')).entries).toEqual([
      { value: '0690001A', label: 'École Jean Macé' },
    ]);
    expect(remote.hits.length).toBe(cached + 2);
    remote.answer('/ecoles.json', SCHOOLS);
  });

  it('never reach the browser: the dossier and the catalogue name the source, not its URL', async () => {
    const { id } = await draftWith({});
    const view = await citizen.trpc.dossiers.get.query({ id });
    expect(view.form.sources).toEqual([
      { id: 'communes', options: null },
      { id: 'ecoles', options: null },
      {
        id: 'niveaux',
        options: [
          { value: 'cp', label: 'CP' },
          { value: 'ce1', label: 'CE1' },
        ],
      },
    ]);
    const published = await anonymous.trpc.demarches.getPublished.query({
      tenant: tenant.slug,
      slug: 'aide-scolaire',
    });
    expect(JSON.stringify([view, published])).not.toContain(remote.origin);
  });

  it('are refused on a private address by the production rules, and the field says so', async () => {
    const production = await startDossierServer();
    try {
      const world = await seedTenant(production.database.db);
      await insertPublishedDemarche(
        production.database.db,
        world.tenantId,
        sourcedChoicesDefinition(`${remote.origin}/ecoles.json`),
      );
      const before = remote.hits.length;
      const refused = await rejection(
        production.client().trpc.dataSources.search.query({
          tenant: world.slug,
          demarche: 'aide-scolaire',
          source: 'ecoles',
          query: '',
        }),
      );
      expect(refused).toMatchObject({ domainCode: 'SOURCE_UNAVAILABLE' });
      expect(refused.message).toContain('momentanément indisponible');
      const someone = await production.signIn(world, 'citizen');
      const { id } = await someone.trpc.dossiers.create.mutate({ demarche: 'aide-scolaire' });
      const save = await rejection(
        someone.trpc.dossiers.saveDraft.mutate({ id, data: { ecole: '0690001A' }, revision: 0 }),
      );
      expect(save.fieldErrors).toEqual({
        ecole: [
          'La liste de ce champ est momentanément indisponible : réessayez dans quelques minutes.',
        ],
      });
      // Refused before any connection: the loopback server never heard of it.
      expect(remote.hits.length).toBe(before);
    } finally {
      await production.close();
    }
  });
});
