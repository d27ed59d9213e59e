import { err, ok, type Result } from '../../../shared/result.ts';
import type { AppDatabase } from '../../db/index.ts';
import type { DomainError } from '../core/domainError.ts';
import type { SendJob } from '../core/jobPort.ts';
import type { SessionActor } from '../core/sessionActor.ts';
import { anonymousErrors } from './anonymousErrors.ts';
import { heldDossier } from './anonymousQueries.ts';
import { replaceTrackingCode } from './replaceTrackingCode.ts';

/**
 * The tracking code of the submitted dossier the pass holds: a fresh one on every call,
 * which replaces the previous (`replaceTrackingCode`: only its hash is kept, so an old
 * code cannot be shown again, and the first call also has a code of its own mailed).
 * Whoever holds the pass already reads the dossier: a new code gives them nothing more.
 * Refused before submission: a draft has nothing to follow.
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
  const code = await replaceTrackingCode(db, {
    tenantId: holder.tenantId,
    dossierId: held.dossierId,
    now,
    sendJob,
  });
  return ok({ code, reference: held.reference, dossierId: held.dossierId });
}
