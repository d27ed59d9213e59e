import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import {
  type AppDatabase,
  type AppTransaction,
  attachments,
  dossierEvents,
} from '../../db/index.ts';
import { type EffectLog, SCAN_QUEUE, sendJob } from '../effects/index.ts';
import { storedPath } from './fileStore.ts';
import type { VirusScanner } from './virusScanner.ts';

/** The data of a scan job (`pgboss.job.data`). */
export interface ScanJobData {
  tenantId: string;
  attachmentId: string;
}

const scanJobDataSchema = z.object({
  tenantId: z.string(),
  attachmentId: z.string(),
}) satisfies z.ZodType<ScanJobData>;

/**
 * A scan job's data checked when the worker takes it (`pgboss.job.data` is plain JSON
 * written by an earlier process), or a thrown error naming what is wrong.
 *
 * @example
 * await scanAttachment(deps, decodeScanJob(job.data));
 */
export function decodeScanJob(data: unknown): ScanJobData {
  return scanJobDataSchema.parse(data);
}

/**
 * Asks for a file to be scanned, in the transaction that records it (the outbox): the
 * job exists exactly when the `pending` row does. The attachment id is the job id, so
 * asking twice is harmless.
 *
 * @example
 * await enqueueAttachmentScan(tx, { tenantId, attachmentId: row.id });
 */
export function enqueueAttachmentScan(tx: AppTransaction, data: ScanJobData): Promise<void> {
  return sendJob(tx, SCAN_QUEUE, data, { id: data.attachmentId, singletonKey: data.attachmentId });
}

export interface ScanDeps {
  db: AppDatabase;
  /** Where uploaded files are stored (`attachmentsRoot`). */
  filesRoot: string;
  scanner: VirusScanner;
  clock: () => Date;
  log: EffectLog;
}

export type ScanOutcome = { status: 'clean' | 'infected' } | { status: 'skipped'; reason: string };

/**
 * Runs the virus scanner on a `pending` file (docs/SECURITY.md §16) and records its verdict:
 * `clean` or `infected` on the row, and an `attachment_scanned` event on the dossier's
 * timeline, together. An infected file stays stored (evidence) but is never served nor
 * listed as usable. If the scanner cannot answer, this throws and the file stays
 * `pending` — never taken for safe — and the queue retries the job with its backoff.
 * A file no longer pending (scanned by an earlier delivery) is skipped.
 *
 * @example
 * const outcome = await scanAttachment(deps, { tenantId, attachmentId });
 */
export async function scanAttachment(deps: ScanDeps, job: ScanJobData): Promise<ScanOutcome> {
  const pending = and(
    eq(attachments.tenantId, job.tenantId),
    eq(attachments.id, job.attachmentId),
    eq(attachments.scanStatus, 'pending'),
  );
  const [file] = await deps.db
    .select({
      dossierId: attachments.dossierId,
      fileName: attachments.fileName,
      storageKey: attachments.storageKey,
    })
    .from(attachments)
    .where(pending);
  if (file === undefined) return { status: 'skipped', reason: 'NOT_PENDING' };
  const verdict = await deps.scanner.scan(storedPath(deps.filesRoot, file.storageKey));
  const status = verdict.infected ? 'infected' : 'clean';
  const recorded = await deps.db.transaction(async (tx) => {
    const updated = await tx
      .update(attachments)
      .set({ scanStatus: status })
      .where(pending)
      .returning({ id: attachments.id });
    if (updated.length === 0) return false;
    await tx.insert(dossierEvents).values({
      tenantId: job.tenantId,
      dossierId: file.dossierId,
      type: 'attachment_scanned',
      actorId: null,
      at: deps.clock(),
      payload: {
        attachmentId: job.attachmentId,
        fileName: file.fileName,
        verdict: status,
        ...(verdict.infected ? { viruses: verdict.viruses } : {}),
      },
    });
    return true;
  });
  if (!recorded) return { status: 'skipped', reason: 'NOT_PENDING' };
  if (verdict.infected) {
    deps.log({
      level: 'warn',
      message: 'infected file blocked',
      kind: 'attachment-scan',
      reason: verdict.viruses.join(', '),
    });
  }
  return { status };
}
