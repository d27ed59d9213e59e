import { apply, type DossierSnapshot } from '../../../shared/engine/index.ts';
import { err, ok, type Result } from '../../../shared/result.ts';
import type { AppTransaction } from '../../db/index.ts';
import { nextReference } from '../../db/index.ts';
import type { DomainError } from '../trpc/domainError.ts';
import { type DossierContext, engineActor } from './dossierContext.ts';
import { knownUnit, lastEventSeq } from './dossierQueries.ts';
import { type DossierRow, toSnapshot } from './dossierSnapshot.ts';
import { engineErrorToDomain } from './engineErrorToDomain.ts';
import type { EnqueueEffects } from './enqueuePort.ts';
import { lastChangeOf } from './lastChange.ts';
import { type DossierLoadError, type LoadedDossier, loadDossier } from './loadDossier.ts';
import { settleAll } from './settleAll.ts';
import { parisYear } from './transitionPayload.ts';
import type { TransitionResult } from './transitionResult.ts';
import { type TransitionWriters, writeTransition } from './writeTransition.ts';

export interface FireTransitionRequest {
  id: string;
  transition: string;
  input: Record<string, unknown> | undefined;
  /** The revision the caller saw. */
  revision: number;
  /**
   * `only`: the dossier must still be a draft (`submit`); `never`: it must not (`act`).
   * Leaving the draft goes through `submit` alone, whose idempotency key makes a retried
   * submission safe (SECURITY §18, §25).
   */
  draft: 'only' | 'never';
  /** Written with the transition's rows, in the same batch: `submit`'s idempotent answer. */
  alongside?: TransitionWriters['alongside'];
  /**
   * The dossier as the caller already loaded it `forUpdate` in this transaction (`submit`
   * sends the lock along with its idempotency claim); otherwise it is locked here.
   */
  locked?: Result<LoadedDossier, DossierLoadError>;
}

/**
 * One transition inside the caller's transaction: lock the dossier row, let the engine
 * decide (permission, input, form, guard, revision), number the dossier when it leaves
 * its draft, write the new snapshot, append the event, enqueue the effects and the audit
 * row. Either all of it commits or none of it: the caller runs this in `inTransaction`.
 * After the lock, three round trips: the reads the writes need (unit, reference, event
 * seq), the writes together (`writeTransition`), the commit.
 *
 * Two writers of one dossier queue on the row lock; the second then sees the first's
 * revision and gets STALE_REVISION with what changed (SECURITY §9).
 *
 * @example
 * await inTransaction(db, (tx) => fireTransition(tx, context, request, enqueueEffects));
 */
export async function fireTransition(
  tx: AppTransaction,
  context: DossierContext,
  request: FireTransitionRequest,
  enqueue: EnqueueEffects,
): Promise<Result<TransitionResult, DomainError>> {
  const loaded =
    request.locked ?? (await loadDossier(tx, context.session, request.id, { forUpdate: true }));
  if (!loaded.ok) return loaded;
  const { row, published } = loaded.value;
  const definition = published.definition;
  const isDraft = loaded.value.state?.kind === 'draft';
  if (request.draft === 'only' && !isDraft) {
    return err({ code: 'NOT_A_DRAFT', message: 'Ce dossier a déjà été déposé.' });
  }
  if (request.draft === 'never' && isDraft) {
    return err({
      code: 'NOT_SUBMITTED',
      message: 'Ce dossier est encore un brouillon : déposez-le d’abord.',
    });
  }
  const action = { transition: request.transition, revision: request.revision };
  const actor = engineActor(context.session);
  const applied = apply(definition, toSnapshot(row), action, request.input, actor, context.now);
  if (!applied.ok) {
    const error = engineErrorToDomain(applied.error, definition);
    if (applied.error.code !== 'STALE_REVISION') return err(error);
    const lastChange = await lastChangeOf(tx, row.tenantId, row.id);
    return err({ ...error, details: { ...error.details, lastChange } });
  }
  const [event] = applied.value.events;
  if (event === undefined) throw new Error('guichet: the engine returned no event');
  const { effects } = applied.value;
  const target = definition.workflow.states.find((s) => s.id === applied.value.dossier.state);
  const numbered = row.reference === null && target?.kind !== 'draft';
  // Reads the writes need, sent together now that the row is locked: the routed unit,
  // the new reference (a sequence: no lock held until commit) and the event's seq.
  const [routed, reference, eventSeq] = await settleAll([
    keepKnownUnit(tx, row.tenantId, applied.value.dossier, row.unitCode),
    numbered
      ? nextReference(tx, {
          tenantId: row.tenantId,
          prefix: definition.meta.referencePrefix,
          year: parisYear(context.now),
        })
      : row.reference,
    effects.length > 0 ? nextEventSeq(tx, row) : null,
  ]);
  const result = await writeTransition(
    tx,
    context,
    {
      row,
      published,
      next: routed.next,
      event,
      effects,
      reference,
      numbered,
      unknownUnit: routed.unknownUnit,
      eventSeq,
    },
    { enqueue, alongside: request.alongside },
  );
  return ok(result);
}

/**
 * The `seq` the dossier's next event will get, as the chain trigger numbers it. Exact
 * only under the dossier's row lock, which every writer of events takes.
 */
async function nextEventSeq(tx: AppTransaction, row: DossierRow): Promise<number> {
  const [last] = await lastEventSeq.run(tx, { tenantId: row.tenantId, dossierId: row.id });
  return (last?.seq ?? 0) + 1;
}

/**
 * A routing rule or an `assign` effect may name a unit code the tenant does not have
 * (a definition published before the unit tree changed). The dossier then keeps its
 * previous unit — none, on submit: agents of the tenant still see it as unrouted — and
 * the event records the code that could not be used, instead of the foreign key failing
 * the citizen's submission.
 */
async function keepKnownUnit(
  tx: AppTransaction,
  tenantId: string,
  next: DossierSnapshot,
  previous: string | null,
): Promise<{ next: DossierSnapshot; unknownUnit: string | null }> {
  if (next.unit === null || next.unit === previous) return { next, unknownUnit: null };
  const [known] = await knownUnit.run(tx, { tenantId, code: next.unit });
  if (known !== undefined) return { next, unknownUnit: null };
  return { next: { ...next, unit: previous }, unknownUnit: next.unit };
}
