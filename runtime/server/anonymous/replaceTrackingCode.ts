import { and, eq } from 'drizzle-orm';
import { type AppDatabase, anonymousDossiers } from '../../db/index.ts';
import { type SendJob, TRACKING_CODE_MAIL_QUEUE } from '../core/jobPort.ts';
import { newTrackingCode, trackingCodeHash } from './trackingCode.ts';
import type { TrackingCodeMailJob } from './trackingCodeMailJob.ts';

/**
 * Gives a submitted dossier without an account a fresh tracking code (only its hash is
 * kept; it replaces the previous one) and, in the same transaction, the job that mails a
 * code of its own to the address the form gave (docs/SECURITY.md §111): one per dossier,
 * its id being the dossier's, so a second code mails nothing more. Used when the visitor
 * asks for their code and when an agent files a dossier at the counter.
 *
 * @example
 * const code = await replaceTrackingCode(db, { tenantId, dossierId, now, sendJob });
 */
export async function replaceTrackingCode(
  db: AppDatabase,
  target: { tenantId: string; dossierId: string; now: Date; sendJob: SendJob },
): Promise<string> {
  const code = newTrackingCode();
  await db.transaction(async (tx) => {
    await tx
      .update(anonymousDossiers)
      .set({ codeHash: trackingCodeHash(code), codeIssuedAt: target.now })
      .where(
        and(
          eq(anonymousDossiers.tenantId, target.tenantId),
          eq(anonymousDossiers.dossierId, target.dossierId),
        ),
      );
    const job: TrackingCodeMailJob = { tenantId: target.tenantId, dossierId: target.dossierId };
    await target.sendJob(tx, TRACKING_CODE_MAIL_QUEUE, job, {
      id: target.dossierId,
      singletonKey: `tracking-code:${target.dossierId}`,
    });
  });
  return code;
}
