import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countFor } from '../dossiers/testing/dossierTestKit.ts';
import { type DossierServer, startDossierServer } from '../dossiers/testing/startDossierServer.ts';
import type { EffectLogEntry } from '../effects/index.ts';
import { FAST_RETRY } from '../effects/testing/effectsDefinition.ts';
import { type SeededTenant, seedTenant } from '../testing/seedTenant.ts';
import type { TestClient } from '../testing/testClient.ts';
import { type RunningWorker, startWorker } from '../worker/startWorker.ts';
import { requeueStalledScans } from './requeueStalledScans.ts';
import { definitionWithFiles, PDF, uploadFile } from './testing/attachmentFixtures.ts';
import { EICAR, EICAR_SIGNATURE, startClamd, type TestClamd } from './testing/startClamd.ts';

/** A valid PDF carrying the EICAR test string in a comment: type check passes, scanner flags. */
const INFECTED_PDF = Buffer.from(
  `%PDF-1.4\n% ${EICAR}\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n`,
  'latin1',
);

let clamd: TestClamd;
let server: DossierServer;
let world: SeededTenant;
let citizen: TestClient;
let worker: RunningWorker | undefined;
const logs: EffectLogEntry[] = [];

beforeAll(async () => {
  clamd = await startClamd();
  server = await startDossierServer({ config: { clamd: { socket: clamd.socket } } });
  world = await seedTenant(server.database.db, { definition: definitionWithFiles });
  citizen = await server.signIn(world, 'citizen');
  worker = await startWorker({
    database: server.database,
    config: server.deps.config,
    pollingIntervalSeconds: 0.5,
    retry: FAST_RETRY,
    stopTimeoutMs: 10_000,
    log: (entry) => logs.push(entry),
  });
});
afterAll(async () => {
  await worker?.stop();
  await server.close();
  await clamd.close();
});

async function draft(): Promise<string> {
  return (await citizen.trpc.dossiers.create.mutate({ demarche: 'aide-sociale' })).id;
}

async function uploaded(dossierId: string, file: Buffer, name: string) {
  const response = await uploadFile(citizen, dossierId, file, { name });
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string; scanStatus: string };
}

/** Stops clamd, uploads a PDF, and waits until the worker has tried and failed to scan it. */
async function uploadedWhileScannerDown(name: string) {
  const id = await draft();
  await clamd.stop();
  const file = await uploaded(id, PDF, name);
  await expect
    .poll(() => logs.some((entry) => entry.effectKey === `attachment:${file.id}`), {
      timeout: 15_000,
    })
    .toBe(true);
  return { id, file };
}

async function statusOf(dossierId: string, attachmentId: string) {
  const dossier = await citizen.trpc.dossiers.get.query({ id: dossierId });
  return dossier.attachments.find((file) => file.id === attachmentId)?.scanStatus;
}

async function errorOf(response: Response) {
  return { status: response.status, ...((await response.json()) as { error: object }).error };
}

describe('virus scanning of uploads (docs/SECURITY.md §16)', () => {
  it('holds a file back until scanned, then serves a clean one and blocks an infected one', async () => {
    const id = await draft();
    const [clean, infected] = [
      await uploaded(id, PDF, 'avis.pdf'),
      await uploaded(id, INFECTED_PDF, 'facture.pdf'),
    ];
    expect([clean.scanStatus, infected.scanStatus]).toEqual(['pending', 'pending']);

    await expect.poll(() => statusOf(id, clean.id), { timeout: 15_000 }).toBe('clean');
    await expect.poll(() => statusOf(id, infected.id), { timeout: 15_000 }).toBe('infected');

    const served = await citizen.fetch(`/api/attachments/${clean.id}`);
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).equals(PDF)).toBe(true);
    // Listed, flagged, never served.
    expect(await errorOf(await citizen.fetch(`/api/attachments/${infected.id}`))).toMatchObject({
      status: 403,
      code: 'FORBIDDEN',
      message: 'Ce fichier a été bloqué par l’antivirus.',
    });
    const { rows } = await server.database.executeSql(
      `select payload from dossier_events where dossier_id = $1 and type = 'attachment_scanned'
       order by seq`,
      [id],
    );
    // Two pollers on PostgreSQL: either file may be scanned first.
    const payloads = rows.map((row) => (row as { payload: { fileName: string } }).payload);
    payloads.sort((a, b) => a.fileName.localeCompare(b.fileName));
    expect(payloads).toEqual([
      { attachmentId: clean.id, fileName: 'avis.pdf', verdict: 'clean' },
      {
        attachmentId: infected.id,
        fileName: 'facture.pdf',
        verdict: 'infected',
        viruses: [EICAR_SIGNATURE],
      },
    ]);
    expect(logs).toContainEqual(
      expect.objectContaining({ level: 'warn', message: 'infected file blocked' }),
    );
  });

  it('keeps a file pending, never served, while the scanner is down, and scans it once it is back', async () => {
    const { id, file } = await uploadedWhileScannerDown('releve.pdf');
    // The worker tried and failed: the job waits for its retry, the file stays pending.
    expect(await statusOf(id, file.id)).toBe('pending');
    expect(await errorOf(await citizen.fetch(`/api/attachments/${file.id}`))).toMatchObject({
      status: 409,
      code: 'SCAN_PENDING',
    });
    await clamd.restart();
    await expect.poll(() => statusOf(id, file.id), { timeout: 20_000 }).toBe('clean');
    expect((await citizen.fetch(`/api/attachments/${file.id}`)).status).toBe(200);
    expect(
      await countFor(server.database, 'dossier_events', id, "type = 'attachment_scanned'"),
    ).toBe(1);
  });

  it('gives a file whose scan job gave up a new one, once, and it is scanned when clamd is back', async () => {
    const { id, file } = await uploadedWhileScannerDown('attestation.pdf');
    // As if its retries were spent while the scanner stayed down.
    await server.database.executeSql(
      `update pgboss.job set state = 'failed' where name = 'attachment-scan' and data->>'attachmentId' = $1`,
      [file.id],
    );
    expect(await requeueStalledScans(server.database.db)).toBe(1);
    expect(await requeueStalledScans(server.database.db)).toBe(0);
    await clamd.restart();
    await expect.poll(() => statusOf(id, file.id), { timeout: 20_000 }).toBe('clean');
    expect(await requeueStalledScans(server.database.db)).toBe(0);
  });

  it('writes the scan job with the upload: a refused upload leaves neither file row nor job', async () => {
    const id = await draft();
    const refused = await uploadFile(citizen, id, Buffer.from('<html></html>'), { name: 'a.pdf' });
    expect(refused.status).toBe(415);
    const { rows } = await server.database.executeSql(
      `select count(*)::int as n from pgboss.job j join attachments a on a.id::text = j.data->>'attachmentId'
       where a.dossier_id = $1`,
      [id],
    );
    expect(rows).toEqual([{ n: 0 }]);
  });
});
