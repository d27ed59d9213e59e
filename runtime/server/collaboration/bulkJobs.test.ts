import { randomUUID } from 'node:crypto';
import { and, eq, like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog } from '../../db/index.ts';
import { useDossierApi } from '../dossiers/testing/dossierApi.ts';
import { rejection } from '../dossiers/testing/rejection.ts';
import { FAST_RETRY } from '../effects/testing/effectsDefinition.ts';
import { startWorker } from '../worker/startWorker.ts';
import { type BulkJobDeps, performBulkJob } from './performBulkJob.ts';

// A bulk action as one durable job (issue 16; docs/SECURITY.md §130–§131): recorded by the
// server, performed by the worker, each dossier once, read only by its requester and admins.

const api = useDossierApi();
const TAKE = { kind: 'transition', transition: 'prendre_en_charge' } as const;

function workerDeps(clock?: () => Date): BulkJobDeps {
  const { deps } = api().server;
  return {
    db: deps.database.db,
    clock: clock ?? deps.clock,
    units: deps.units,
    urlSources: deps.urlSources,
    enqueueEffects: deps.enqueueEffects,
  };
}

async function selection(count: number) {
  const picked = [];
  for (let i = 0; i < count; i += 1) picked.push(await api().submittedDossier());
  return picked;
}

const itemsOf = (picked: Array<{ id: string; revision: number }>) =>
  picked.map((dossier) => ({ dossierId: dossier.id, revision: dossier.revision }));

/** The audit rows the job wrote for one dossier (its request id names the job). */
async function auditedByJob(dossierId: string, jobId: string) {
  return api()
    .server.database.db.select({ action: auditLog.action })
    .from(auditLog)
    .where(
      and(eq(auditLog.object, `dossier:${dossierId}`), like(auditLog.requestId, `bulk:${jobId}:%`)),
    );
}

describe('dossiers.bulkJobs', () => {
  it('records the job, then the worker reports what was done and what was refused and why', async () => {
    const { agent, server, world } = api();
    const fresh = await selection(3);
    const stale = await api().submittedDossier();
    const supervisor = await server.signIn(world, 'supervisor');
    await supervisor.trpc.dossiers.claim.mutate({ dossierId: stale.id, revision: stale.revision });
    const idempotencyKey = randomUUID();
    const input = { items: itemsOf([...fresh, stale]), action: TAKE, idempotencyKey };

    const { jobId } = await agent.trpc.dossiers.bulkJobs.start.mutate(input);
    // A retried click answers the same job and queues nothing more.
    expect(await agent.trpc.dossiers.bulkJobs.start.mutate(input)).toEqual({ jobId });
    const waiting = await agent.trpc.dossiers.bulkJobs.get.query({ jobId });
    expect(waiting).toMatchObject({ total: 4, done: 0, refused: 0, finished: false });
    expect(waiting.lines.every((line) => line.outcome === null)).toBe(true);

    await performBulkJob(workerDeps(), { tenantId: world.tenantId, jobId });
    const report = await agent.trpc.dossiers.bulkJobs.get.query({ jobId });
    expect(report).toMatchObject({ total: 4, done: 3, refused: 1, finished: true });
    expect(report.lines.slice(0, 3).map((line) => line.outcome)).toEqual(
      fresh.map((dossier) => ({ ok: true, revision: dossier.revision + 1 })),
    );
    expect(report.lines[0]?.reference).toMatch(/\S/);
    expect(report.lines[3]).toMatchObject({
      position: 3,
      reference: null,
      outcome: { ok: false, code: 'STALE_REVISION' },
    });
    expect(report.lines[3]?.outcome).toMatchObject({ message: expect.stringMatching(/modifié/i) });
    for (const dossier of fresh) {
      expect((await api().storedRow(dossier.id)).state).toBe('en_instruction');
      expect(await auditedByJob(dossier.id, jobId)).toEqual([{ action: 'dossier.transition' }]);
    }
    expect(await agent.trpc.dossiers.bulkJobs.latest.query()).toMatchObject({ id: jobId });

    // Delivered again, the job changes nothing: each dossier was processed once.
    await performBulkJob(workerDeps(), { tenantId: world.tenantId, jobId });
    expect(await agent.trpc.dossiers.bulkJobs.get.query({ jobId })).toEqual(report);
    for (const dossier of fresh) {
      expect(await api().storedRow(dossier.id)).toMatchObject({ revision: dossier.revision + 1 });
    }
  });

  it('resumes after the worker died mid-job without acting on a dossier twice', async () => {
    const { agent, world } = api();
    const picked = await selection(4);
    const { jobId } = await agent.trpc.dossiers.bulkJobs.start.mutate({
      items: itemsOf(picked),
      action: TAKE,
      idempotencyKey: randomUUID(),
    });
    // The worker dies while acting on the third dossier (two clock reads per dossier).
    let reads = 0;
    const dying = () => {
      reads += 1;
      if (reads === 5) throw new Error('worker killed');
      return new Date();
    };
    await expect(
      performBulkJob(workerDeps(dying), { tenantId: world.tenantId, jobId }),
    ).rejects.toThrow('worker killed');
    const halfway = await agent.trpc.dossiers.bulkJobs.get.query({ jobId });
    expect(halfway).toMatchObject({ total: 4, done: 2, refused: 0, finished: false });
    expect((await api().storedRow(picked[2]?.id ?? '')).state).toBe('depose');

    await performBulkJob(workerDeps(), { tenantId: world.tenantId, jobId });
    const report = await agent.trpc.dossiers.bulkJobs.get.query({ jobId });
    // Had the first two been acted on again, they would read as refused (stale revision).
    expect(report).toMatchObject({ done: 4, refused: 0, finished: true });
    for (const dossier of picked) {
      expect(await api().storedRow(dossier.id)).toMatchObject({
        state: 'en_instruction',
        revision: dossier.revision + 1,
      });
      expect(await auditedByJob(dossier.id, jobId)).toEqual([{ action: 'dossier.transition' }]);
    }
  });

  it('is run by the real worker', { timeout: 60_000 }, async () => {
    const { agent, server } = api();
    const picked = await selection(3);
    const { jobId } = await agent.trpc.dossiers.bulkJobs.start.mutate({
      items: itemsOf(picked),
      action: TAKE,
      idempotencyKey: randomUUID(),
    });
    const worker = await startWorker({
      database: server.ownerDatabase,
      config: server.deps.config,
      scanner: null,
      pollingIntervalSeconds: 0.5,
      retry: FAST_RETRY,
      stopTimeoutMs: 10_000,
      log: () => {},
    });
    try {
      const deadline = Date.now() + 30_000;
      let view = await agent.trpc.dossiers.bulkJobs.get.query({ jobId });
      while (!view.finished && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        view = await agent.trpc.dossiers.bulkJobs.get.query({ jobId });
      }
      expect(view).toMatchObject({ total: 3, done: 3, refused: 0, finished: true });
    } finally {
      await worker.stop();
    }
    for (const dossier of picked) {
      expect(await api().storedRow(dossier.id)).toMatchObject({ revision: dossier.revision + 1 });
    }
  });

  it('is read by its requester and admins only; to anyone else it does not exist', async () => {
    const { agent, server, world } = api();
    const [dossier] = await selection(1);
    const { jobId } = await agent.trpc.dossiers.bulkJobs.start.mutate({
      items: itemsOf(dossier ? [dossier] : []),
      action: { kind: 'claim' },
      idempotencyKey: randomUUID(),
    });
    const admin = await server.signIn(world, 'admin');
    expect(await admin.trpc.dossiers.bulkJobs.get.query({ jobId })).toMatchObject({ id: jobId });
    const supervisor = await server.signIn(world, 'supervisor');
    const refused = await rejection(supervisor.trpc.dossiers.bulkJobs.get.query({ jobId }));
    const random = await rejection(
      supervisor.trpc.dossiers.bulkJobs.get.query({ jobId: randomUUID() }),
    );
    expect(refused).toEqual(random);
    expect(refused.domainCode).toBe('NOT_FOUND');
    // The same key from another agent is another job: keys are per requester.
    const { jobId: theirs } = await supervisor.trpc.dossiers.bulkJobs.start.mutate({
      items: itemsOf(dossier ? [dossier] : []),
      action: { kind: 'claim' },
      idempotencyKey: 'shared-key-123',
    });
    const { jobId: mine } = await agent.trpc.dossiers.bulkJobs.start.mutate({
      items: itemsOf(dossier ? [dossier] : []),
      action: { kind: 'claim' },
      idempotencyKey: 'shared-key-123',
    });
    expect(theirs).not.toBe(mine);
  });
});
