import type { Result } from '../../../shared/result.ts';
import { type AppTransaction, settleAll } from '../../db/index.ts';
import type { SessionActor } from '../core/sessionActor.ts';
import { lastEventSeq } from './dossierQueries.ts';
import { drawDraftReference } from './drawDraftReference.ts';
import { type DossierLoadError, type LoadedDossier, loadDossier } from './loadDossier.ts';

/** A dossier locked for a transition, with what its writes need from the database. */
export interface TransitionLock {
  loaded: Result<LoadedDossier, DossierLoadError>;
  /** The seq of the dossier's last event, 0 for none: the transition's event is the next. */
  lastEventSeq: number;
  /** Drawn when asked (`numberDraftOf`) and the dossier was the caller's unnumbered draft. */
  reference: string | null;
}

/**
 * Locks the dossier and, in the same round trip, reads the seq of its last event and,
 * for a submit, draws its reference: after the lock the transition needs only its
 * writes and the commit. The seq is exact although read without a round trip of its
 * own: both statements take the same path to the connection, called in this order, so
 * PostgreSQL runs the read once the lock is granted, with a snapshot that sees what the
 * previous holder committed (every writer of events holds the row lock).
 *
 * @example
 * const lock = await lockForTransition(tx, session, id, { year: 2026 });
 */
export async function lockForTransition(
  tx: AppTransaction,
  session: SessionActor,
  id: string,
  numberDraftOf?: { year: number },
): Promise<TransitionLock> {
  const tenantId = session.tenantId;
  const [loaded, seqRows, reference] = await settleAll([
    loadDossier(tx, session, id, { forUpdate: true }),
    lastEventSeq.run(tx, { tenantId, dossierId: id }),
    numberDraftOf === undefined
      ? null
      : drawDraftReference(tx, {
          tenantId,
          dossierId: id,
          applicantId: session.userId,
          year: numberDraftOf.year,
        }),
  ]);
  return { loaded, lastEventSeq: Number(seqRows[0]?.seq ?? 0), reference };
}
