import { err, ok, type Result } from '../../../shared/result.ts';
import { settleAll } from '../../db/index.ts';
import type { DomainError } from '../core/domainError.ts';
import type { EnqueueEffects } from '../core/enqueuePort.ts';
import { auditDenial } from './auditDenial.ts';
import { emailConfirmed, emailNotConfirmed } from './confirmedApplicant.ts';
import type { DossierContext } from './dossierContext.ts';
import { fireTransition } from './fireTransition.ts';
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  type IdempotencyClaim,
  requestHash,
} from './idempotencyKey.ts';
import { inTransaction } from './inTransaction.ts';
import { lockForTransition } from './lockForTransition.ts';
import { parisYear } from './transitionPayload.ts';
import type { TransitionResult } from './transitionResult.ts';

export interface SubmitInput {
  id: string;
  transition: string;
  revision: number;
  idempotencyKey: string;
}

/**
 * The applicant submits the draft (`deposer`): in ONE transaction the idempotency key
 * is claimed, the dossier row locked, the engine validates the whole form and fires the
 * transition (only once the applicant's address is confirmed), the dossier is numbered (`AIDE-2026-000123`) and routed, the event and
 * the effect jobs are written and the answer is stored under the key. A retry with the
 * same key — even while the first is still running — gets the same answer and changes
 * nothing; a refusal stores nothing, so the citizen can fix the form and retry.
 *
 * @example
 * const result = await submitDossier(context, {
 *   id, transition: 'deposer', revision: 4, idempotencyKey: crypto.randomUUID(),
 * }, enqueueEffects);
 */
export async function submitDossier(
  context: DossierContext,
  input: SubmitInput,
  enqueue: EnqueueEffects,
): Promise<Result<TransitionResult, DomainError>> {
  const { idempotencyKey, ...body } = input;
  const claim: IdempotencyClaim = {
    tenantId: context.session.tenantId,
    scope: `user:${context.session.userId}`,
    key: idempotencyKey,
    requestHash: requestHash('dossiers.submit', body),
  };
  const result = await inTransaction(context.db, async (tx) => {
    // The claim, the row lock and the reference go out together (one round trip); the
    // claim decides.
    const [claimed, locked, confirmed] = await settleAll([
      claimIdempotencyKey(tx, claim),
      lockForTransition(tx, context.session, body.id, { year: parisYear(context.now) }),
      emailConfirmed(tx, context.session),
    ]);
    if (!claimed.ok) return claimed;
    if (claimed.value.kind === 'replay') return ok(claimed.value.response as TransitionResult);
    // An unconfirmed account keeps its draft but cannot file it (docs/SECURITY.md §50).
    if (!confirmed) return err(emailNotConfirmed());
    return fireTransition(
      tx,
      context,
      {
        id: body.id,
        transition: body.transition,
        input: undefined,
        revision: body.revision,
        draft: 'only',
        // The answer is stored with the transition's own writes, in the same batch.
        alongside: (tx, answer) => completeIdempotencyKey(tx, claim, answer, context.now),
        locked,
      },
      enqueue,
    );
  });
  if (!result.ok) {
    await auditDenial(context, body.id, result.error);
    return err(result.error);
  }
  return result;
}
