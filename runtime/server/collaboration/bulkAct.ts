import type { Result } from '../../../shared/result.ts';
import type { DomainError } from '../core/domainError.ts';
import type { EnqueueEffects } from '../core/enqueuePort.ts';
import { actOnDossier, type DossierContext } from '../dossiers/index.ts';
import { changeAssignment } from './changeAssignment.ts';
import type { BulkInput } from './collaborationInputs.ts';

/** What became of one dossier of a bulk action. */
export type BulkOutcome =
  | { ok: true; revision: number }
  | { ok: false; code: DomainError['code']; message: string };

export interface BulkReport {
  /** One per item, in the order of `items`. No id is echoed: a refused id of another
   * tenant answers exactly as an id that exists nowhere (docs/SECURITY.md §7). */
  outcomes: BulkOutcome[];
  done: number;
  refused: number;
}

/**
 * One action on many dossiers of a queue: each dossier in its own transaction, under
 * its own revision check and its own permission and guard checks — exactly as if the
 * agent had acted on each alone (`dossiers.act`, `claim`, `assign`, `release`), so one
 * refusal (a colleague changed it since, a guard says no, a dossier not visible) leaves
 * the others done and is reported with its French reason. Re-running the same request
 * is harmless: the dossiers already done now have a newer revision and are refused as
 * stale, nothing is applied twice (docs/SECURITY.md §72).
 *
 * @example
 * const report = await bulkAct(context, {
 *   items: [{ dossierId, revision: 2 }], action: { kind: 'transition', transition: 'prendre_en_charge' },
 * }, enqueue);
 * // { outcomes: [{ ok: true, revision: 3 }], done: 1, refused: 0 }
 */
export async function bulkAct(
  context: DossierContext,
  input: BulkInput,
  enqueue: EnqueueEffects,
): Promise<BulkReport> {
  const outcomes: BulkOutcome[] = [];
  // One after the other: each takes its row lock briefly, and a bulk never holds 500.
  for (const item of input.items) {
    const result = await actOnOne(context, item, input.action, enqueue);
    outcomes.push(
      result.ok
        ? { ok: true, revision: result.value.revision }
        : {
            ok: false,
            code: result.error.code,
            message: result.error.message,
          },
    );
  }
  const done = outcomes.filter((outcome) => outcome.ok).length;
  return { outcomes, done, refused: outcomes.length - done };
}

export function actOnOne(
  context: DossierContext,
  item: BulkInput['items'][number],
  action: BulkInput['action'],
  enqueue: EnqueueEffects,
): Promise<Result<{ revision: number }, DomainError>> {
  switch (action.kind) {
    case 'transition':
      return actOnDossier(
        context,
        {
          id: item.dossierId,
          transition: action.transition,
          revision: item.revision,
          ...(action.input ? { input: action.input } : {}),
        },
        enqueue,
      );
    case 'assign':
      return changeAssignment(context, { ...item, to: action.to }, 'assign');
    default:
      return changeAssignment(context, item, action.kind);
  }
}
