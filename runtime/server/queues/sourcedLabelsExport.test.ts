import { randomUUID } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourcedChoicesDefinition } from '../../../shared/testing/sourcedChoicesDefinition.ts';
import { createUrlSourceCache } from '../dataSources/index.ts';
import {
  type JsonHttpsServer,
  startJsonHttpsServer,
} from '../dataSources/testing/startJsonHttpsServer.ts';
import { insertPublishedDemarche } from '../demo/index.ts';
import { sessionOf, VALID_SOCIAL_AID } from '../dossiers/testing/dossierTestKit.ts';
import { type DossierServer, startDossierServer } from '../dossiers/testing/startDossierServer.ts';
import { type SeededTenant, seedTenant } from '../testing/seedTenant.ts';
import type { TestClient } from '../testing/testClient.ts';
import { exportQueueXlsx } from './exportQueueXlsx.ts';
import { queueListInput } from './queueInput.ts';

// What agents read of a dossier whose choices come from data sources (a reference table,
// a URL list, a static list), through the real HTTP API (PGlite, or PostgreSQL when
// DATABASE_URL is set): the entries' labels, resolved by the server, never bare codes —
// on the dossier screen, in the receipt, in the CSV and XLSX exports with the form's
// fields as columns.

let server: DossierServer;
let remote: JsonHttpsServer;
let tenant: SeededTenant;
let agent: TestClient;
let demarcheId: string;
let dossierId: string;

beforeAll(async () => {
  remote = await startJsonHttpsServer();
  remote.answer('/ecoles.json', {
    resultats: [{ identifiant: '0690001A', nom: 'École Jean Macé' }],
  });
  const urlSources = createUrlSourceCache({
    allowPrivateTargets: true,
    ca: remote.ca,
    timeoutMs: 2_000,
    maxBytes: 100_000,
  });
  server = await startDossierServer({ urlSources });
  tenant = await seedTenant(server.database.db);
  const definition = sourcedChoicesDefinition(`${remote.origin}/ecoles.json`);
  const properties = (definition.form.schema as { properties: Record<string, unknown> }).properties;
  properties['naissance'] = { type: 'string', format: 'date', title: 'Date de naissance' };
  demarcheId = (await insertPublishedDemarche(server.database.db, tenant.tenantId, definition)).id;
  const admin = await server.signIn(tenant, 'admin');
  await admin.trpc.dataSources.importTable.mutate({
    code: 'communes',
    label: 'Communes',
    csv: 'code;libelle\n69383;Lyon 3e Arrondissement\n69123;Lyon\n',
  });
  const citizen = await server.signIn(tenant, 'citizen');
  const { id } = await citizen.trpc.dossiers.create.mutate({ demarche: 'aide-scolaire' });
  const data = {
    ...VALID_SOCIAL_AID,
    nom: '=HYPERLINK("http://evil.example")',
    commune: '69383',
    ecole: '0690001A',
    niveau: 'ce1',
    naissance: '2015-03-09',
  };
  await citizen.trpc.dossiers.saveDraft.mutate({ id, data, revision: 0 });
  await citizen.trpc.dossiers.submit.mutate({
    id,
    transition: 'deposer',
    revision: 1,
    idempotencyKey: randomUUID(),
  });
  dossierId = id;
  agent = await server.signIn(tenant, 'agent');
});
afterAll(async () => {
  await server.close();
  await remote.close();
});

const exportPath = (format: 'csv' | 'xlsx') =>
  `/api/queues/export.${format}?filtres=${encodeURIComponent(JSON.stringify({ demarcheId }))}`;

describe('sourced choices seen by an agent', () => {
  it('come with their labels on the dossier screen', async () => {
    const view = await agent.trpc.dossiers.get.query({ id: dossierId });
    expect(view.data['commune']).toBe('69383');
    expect(view.sourceLabels).toEqual({
      communes: { '69383': 'Lyon 3e Arrondissement' },
      ecoles: { '0690001A': 'École Jean Macé' },
      niveaux: { ce1: 'CE1' },
    });
  });

  it('are printed by their labels in the receipt the agent downloads', async () => {
    const receipt = await agent.trpc.dossiers.receipt.query({ id: dossierId });
    const pdf = new Uint8Array(Buffer.from(receipt.pdfBase64, 'base64'));
    const { text } = await extractText(await getDocumentProxy(pdf), { mergePages: true });
    expect(text).toContain('Lyon 3e Arrondissement');
    expect(text).toContain('École Jean Macé');
    expect(text).not.toContain('69383');
  });

  it('are exported by their labels, the form’s fields as CSV columns', async () => {
    const response = await agent.fetch(exportPath('csv'));
    expect(response.status).toBe(200);
    const [header, row] = (await response.text()).slice(1).split('\r\n');
    const headers = header!.split(';');
    const cells = row!.split(';');
    const cell = (name: string) => cells[headers.indexOf(name)];
    expect(cell('Commune de résidence')).toBe('Lyon 3e Arrondissement');
    expect(cell('École')).toBe('École Jean Macé');
    expect(cell('Niveau')).toBe('CE1');
    expect(cell('Date de naissance')).toBe('09/03/2015');
    expect(cell('Revenu mensuel (€)')).toBe('900');
    // A formula typed by a citizen stays text (docs/SECURITY.md §74).
    expect(cell('Nom')).toBe(`"'=HYPERLINK(""http://evil.example"")"`);
  });

  it('are exported in an XLSX workbook with typed cells and no formula', async () => {
    const response = await agent.fetch(exportPath('xlsx'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
    const shared = strFromU8(files['xl/sharedStrings.xml'] ?? new Uint8Array());
    const texts = `${sheet}${shared}`;
    for (const expected of [
      'Commune de résidence',
      'Lyon 3e Arrondissement',
      'École Jean Macé',
      'CE1',
    ])
      expect(texts).toContain(expected);
    expect(texts).not.toContain('>69383<');
    // Answers are typed text, never formulas (docs/SECURITY.md §120).
    expect(sheet).not.toMatch(/<f[ >]/);
    expect(shared).toContain('<t>=HYPERLINK("http://evil.example")</t>');
    // The birth date is a date cell (Excel's day number of 9 March 2015), shown dd/mm/yyyy.
    expect(sheet).toMatch(/<c r="[A-Z]+2" s="\d+"><v>42072<\/v><\/c>/);
    // The monthly income is a number cell, not text.
    expect(sheet).toMatch(/<c r="[A-Z]+2"[^>]*><v>900<\/v><\/c>/);
  });

  it('refuses the XLSX export to a citizen, like the CSV one', async () => {
    const citizen = await server.signIn(tenant, 'citizen');
    expect((await citizen.fetch(exportPath('xlsx'))).status).toBe(403);
  });

  it('stops an XLSX export past its row bound and says to filter or use CSV', async () => {
    const ctx = { db: server.database.db, viewer: sessionOf(tenant, 'agent'), now: new Date() };
    const query = queueListInput.parse({ demarcheId });
    expect((await exportQueueXlsx(ctx, query, 1)).ok).toBe(true);
    expect(await exportQueueXlsx(ctx, query, 0)).toEqual({
      ok: false,
      error: {
        code: 'EXPORT_TOO_LARGE',
        message: 'Cette file compte plus de 0 dossiers : filtrez-la ou exportez-la en CSV.',
      },
    });
  });
});
