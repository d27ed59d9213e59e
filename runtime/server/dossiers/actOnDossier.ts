import type { Result } from '../../../shared/result.ts';
import type { DomainError } from '../core/domainError.ts';
import type { EnqueueEffects } from '../core/enqueuePort.ts';
import { auditDenial } from './auditDenial.ts';
import type { DossierContext } from './dossierContext.ts';
import { fireTransition } from './fireTransition.ts';
import { inTransaction } from './inTransaction.ts';
import { checkJsonLimits } from './jsonLimits.ts';
import type { TransitionResult } from './transitionResult.ts';

/** An action's own form (a refusal's reason, a request for documents) stays small. */
export const MAX_INPUT_BYTES = 64 * 1024;

export interface ActInput {
  id: string;
  transition: string;
  input?: Record<string, unknown> | undefined;
  revision: number;
}

/**
 * Fires a transition on a dossier: an agent's decision, or an applicant's own action
 * (`completer`, `retirer`). The engine decides who may (role, unit, ownership →
 * NOT_ALLOWED) and checks the action's input; everything is written in one transaction
 * under the dossier's row lock, so of two agents acting at once exactly one wins and the
 * other gets STALE_REVISION with the change that beat them.
 *
 * @example
 * await actOnDossier(context, {
 *   id, transition: 'refuser', input: { motif: 'Revenus supérieurs au plafond.' }, revision: 2,
 * }, enqueueEffects);
 */
export async function actOnDossier(
  context: DossierContext,
  input: ActInput,
  enqueue: EnqueueEffects,
): Promise<Result<TransitionResult, DomainError>> {
  if (input.input !== undefined) {
    const limits = { what: 'La saisie de cette action', maxBytes: MAX_INPUT_BYTES };
    const bounded = checkJsonLimits(input.input, limits);
    if (!bounded.ok) return bounded;
  }
  const result = await inTransaction(context.db, (tx) =>
    fireTransition(
      tx,
      context,
      {
        id: input.id,
        transition: input.transition,
        input: input.input,
        revision: input.revision,
        draft: 'never',
      },
      enqueue,
    ),
  );
  if (!result.ok) await auditDenial(context, input.id, result.error);
  return result;
}
