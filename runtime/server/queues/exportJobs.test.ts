import { randomUUID } from 'node:crypto';
import { access } from 'node:fs/promises';
import { and, eq } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, dossiers, exportJobs } from '../../db/index.ts';
import { attachmentsRoot, commitFile, storedPath, temporaryPath } from '../attachments/index.ts';
import { useDossierApi } from '../dossiers/testing/dossierApi.ts';
import { EXPORT_FORMATS } from './exportFormats.ts';
import { EXPORT_LIFETIME_DAYS, IMMEDIATE_EXPORT_LIMIT } from './exportJobs.ts';
import { MAX_XLSX_ROWS } from './exportQueueXlsx.ts';
import { type ExportJobDeps, performExport } from './performExport.ts';
import { purgeExpiredExports } from './purgeExpiredExports.ts';
import { seedManyDossiers } from './testing/seedManyDossiers.ts';

// Queue exports above the immediate download's limit run as durable jobs written into the
// file store, served to their requester only, deleted when they expire (docs/SECURITY.md §132).

const api = useDossierApi();
const LARGE = { states: ['depose'], unit: 'ccas' };
const SMALL = { states: ['refuse'] };
let largeRows = 0;

function workerDeps(): ExportJobDeps {
  const { deps } = api().server;
  const root = attachmentsRoot(deps.config);
  return {
    db: deps.database.db,
    clock: deps.clock,
    temporaryPath: () => temporaryPath(root),
    commitFile: (temp, sha256) => commitFile(root, temp, sha256),
  };
}

beforeAll(async () => {
  const { server, world } = api();
  await seedManyDossiers(server.database.db, world, IMMEDIATE_EXPORT_LIMIT + 50, 'LOT');
  largeRows = await server.database.db.$count(
    dossiers,
    and(
      eq(dossiers.tenantId, world.tenantId),
      eq(dossiers.state, 'depose'),
      eq(dossiers.unitCode, 'ccas'),
    ),
  );
});

describe('queues.exports', () => {
  it('answers « immediate » up to the limit: the CSV link downloads it at once', async () => {
    const { agent } = api();
    const started = await agent.trpc.queues.exports.start.mutate({
      filters: SMALL,
      format: 'csv',
      idempotencyKey: randomUUID(),
    });
    expect(started).toEqual({ kind: 'immediate' });
  });

  it('runs a large export as a job: progress, then a file its requester alone downloads', async () => {
    const { agent, server, world } = api();
    const idempotencyKey = randomUUID();
    const input = { filters: LARGE, format: 'csv' as const, idempotencyKey };
    const started = await agent.trpc.queues.exports.start.mutate(input);
    if (started.kind !== 'job') throw new Error('expected a durable export');
    expect(await agent.trpc.queues.exports.start.mutate(input)).toEqual(started);
    const { exportId } = started;
    expect(await agent.trpc.queues.exports.get.query({ exportId })).toMatchObject({
      finished: false,
      rows: 0,
      downloadPath: null,
    });
    const audited = await server.database.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(eq(auditLog.action, 'queue.export'));
    expect(audited.map((row) => row.details)).toContainEqual(
      expect.objectContaining({ exportId, format: 'csv' }),
    );

    await performExport(workerDeps(), { tenantId: world.tenantId, exportId });
    const done = await agent.trpc.queues.exports.get.query({ exportId });
    if (done === null) throw new Error('the requester reads their export');
    expect(done).toMatchObject({ finished: true, failure: null, rows: largeRows });
    expect(await agent.trpc.queues.exports.latest.query()).toEqual(done);
    const response = await agent.fetch(done.downloadPath ?? '');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="dossiers-/);
    const text = new TextDecoder().decode((await response.arrayBuffer()).slice(3));
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^Référence;Démarche;État/);
    expect(lines).toHaveLength(largeRows + 1);
    expect(lines.filter((line) => line.startsWith('LOT-'))).toHaveLength(
      IMMEDIATE_EXPORT_LIMIT + 50,
    );

    // Nobody else gets it, not even an admin: the file is what the requester's queue lists.
    const admin = await server.signIn(world, 'admin');
    expect((await admin.fetch(done.downloadPath ?? '')).status).toBe(404);
    expect((await admin.fetch(`/api/queues/exports/${randomUUID()}`)).status).toBe(404);
    expect((await server.client().fetch(done.downloadPath ?? '')).status).toBe(401);
    expect(await admin.trpc.queues.exports.get.query({ exportId })).toBeNull();
    expect(await admin.trpc.queues.exports.get.query({ exportId: randomUUID() })).toBeNull();

    // Delivered again after it finished, the job leaves the file alone.
    await performExport(workerDeps(), { tenantId: world.tenantId, exportId });
    expect(await agent.trpc.queues.exports.get.query({ exportId })).toEqual(done);
  });

  it('writes a large export as an Excel workbook too, under the XLSX cap', async () => {
    const { agent, world } = api();
    const started = await agent.trpc.queues.exports.start.mutate({
      filters: LARGE,
      format: 'xlsx',
      idempotencyKey: randomUUID(),
    });
    if (started.kind !== 'job') throw new Error('expected a durable export');
    await performExport(workerDeps(), { tenantId: world.tenantId, exportId: started.exportId });
    const done = await agent.trpc.queues.exports.get.query({ exportId: started.exportId });
    expect(done).toMatchObject({ format: 'xlsx', finished: true, failure: null, rows: largeRows });
    const response = await agent.fetch(done?.downloadPath ?? '');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(EXPORT_FORMATS.xlsx.contentType);
    expect(response.headers.get('content-disposition')).toMatch(/\.xlsx"/);
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml'] ?? new Uint8Array());
    // One header row, then one row per dossier.
    expect(sheet.match(/<row /g)).toHaveLength(largeRows + 1);
    expect(largeRows).toBeLessThanOrEqual(MAX_XLSX_ROWS);
  });

  it('deletes an expired export and its file', async () => {
    const { agent, server, world } = api();
    const started = await agent.trpc.queues.exports.start.mutate({
      filters: LARGE,
      format: 'csv',
      idempotencyKey: randomUUID(),
    });
    if (started.kind !== 'job') throw new Error('expected a durable export');
    await performExport(workerDeps(), { tenantId: world.tenantId, exportId: started.exportId });
    const [row] = await server.database.db
      .select({ storageKey: exportJobs.storageKey, expiresAt: exportJobs.expiresAt })
      .from(exportJobs)
      .where(eq(exportJobs.id, started.exportId));
    const root = attachmentsRoot(server.deps.config);
    const file = storedPath(root, row?.storageKey ?? '');
    await access(file);

    const expiresAt = row?.expiresAt ?? new Date();
    const asked = expiresAt.getTime() - EXPORT_LIFETIME_DAYS * 24 * 3600 * 1000;
    const before = new Date(asked + (EXPORT_LIFETIME_DAYS - 1) * 24 * 3600 * 1000);
    await purgeExpiredExports(server.database.db, before, (key) => storedPath(root, key));
    await access(file);
    const after = new Date(expiresAt.getTime() + 1000);
    expect(
      await purgeExpiredExports(server.database.db, after, (key) => storedPath(root, key)),
    ).toBeGreaterThan(0);
    await expect(access(file)).rejects.toThrow();
    expect(await agent.trpc.queues.exports.get.query({ exportId: started.exportId })).toBeNull();
  });
});
