import { and, eq } from 'drizzle-orm';
import { err, ok, type Result } from '../../../shared/result.ts';
import { type AppDatabase, anonymousDossiers } from '../../db/index.ts';
import type { DomainError } from '../core/domainError.ts';
import { type SendJob, TRACKING_CODE_MAIL_QUEUE } from '../core/jobPort.ts';
import type { SessionActor } from '../core/sessionActor.ts';
import { anonymousErrors } from './anonymousErrors.ts';
import { heldDossier } from './anonymousQueries.ts';
import { newTrackingCode, trackingCodeHash } from './trackingCode.ts';
import type { TrackingCodeMailJob } from './trackingCodeMailJob.ts';

/**
 * The tracking code of the submitted dossier the pass holds: a fresh one on every call,
 * which replaces the previous (only its hash is kept, so an old code cannot be shown
 * again — only replaced). Whoever holds the pass already reads the dossier: a new code
 * gives them nothing more. Refused before submission: a draft has nothing to follow.
 * In the same transaction, the job that mails a code of its own to the address the form
 * gave (`sendTrackingCodeMail`, docs/SECURITY.md §111): one per dossier (its id is the
 * dossier's, so asking again for a code mails nothing more).
 *
 * @example
 * const issued = await issueTrackingCode(db, holder, { now, sendJob });
 * if (issued.ok) show(issued.value.code, issued.value.reference);
 */
export async function issueTrackingCode(
  db: AppDatabase,
  holder: SessionActor | null,
  { now, sendJob }: { now: Date; sendJob: SendJob },
): Promise<Result<{ code: string; reference: string; dossierId: string }, DomainError>> {
  if (holder === null) return err(anonymousErrors.noPass());
  const held = await heldDossier(db, holder);
  if (held === null) return err(anonymousErrors.noPass());
  if (!held.submitted || held.reference === null) return err(anonymousErrors.notSubmitted());
  const code = newTrackingCode();
  await db.transaction(async (tx) => {
    await tx
      .update(anonymousDossiers)
      .set({ codeHash: trackingCodeHash(code), codeIssuedAt: now })
      .where(
        and(
          eq(anonymousDossiers.tenantId, holder.tenantId),
          eq(anonymousDossiers.dossierId, held.dossierId),
        ),
      );
    const job: TrackingCodeMailJob = { tenantId: holder.tenantId, dossierId: held.dossierId };
    await sendJob(tx, TRACKING_CODE_MAIL_QUEUE, job, {
      id: held.dossierId,
      singletonKey: `tracking-code:${held.dossierId}`,
    });
  });
  return ok({ code, reference: held.reference, dossierId: held.dossierId });
}
