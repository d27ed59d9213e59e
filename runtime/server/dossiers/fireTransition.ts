import type { DemarcheDefinition } from '../../../shared/definition/types.ts';
import { apply } from '../../../shared/engine/index.ts';
import { err, ok, type Result } from '../../../shared/result.ts';
import { type AppTransaction, nextReference } from '../../db/index.ts';
import type { DomainError } from '../core/domainError.ts';
import type { EnqueueEffects } from '../core/enqueuePort.ts';
import { checkAttachedFiles } from './checkAttachedFiles.ts';
import { type DossierContext, engineActor } from './dossierContext.ts';
import { toSnapshot } from './dossierSnapshot.ts';
import { engineErrorToDomain } from './engineErrorToDomain.ts';
import { invalidFiles, withFileErrors } from './invalidFiles.ts';
import { lastChangeOf } from './lastChange.ts';
import { lockForTransition, type TransitionLock } from './lockForTransition.ts';
import { sourcedValueErrors } from './sourcedValues.ts';
import { parisYear } from './transitionPayload.ts';
import type { TransitionResult } from './transitionResult.ts';
import { unknownUnitFromInput } from './unknownUnitFromInput.ts';
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
   * submission safe (docs/SECURITY.md §18, §25).
   */
  draft: 'only' | 'never';
  /** Written with the transition's rows, in the same batch: `submit`'s idempotent answer. */
  alongside?: TransitionWriters['alongside'];
  /**
   * The dossier as the caller already locked it in this transaction (`submit` sends the
   * lock along with its idempotency claim and draws the reference with it); otherwise
   * it is locked here.
   */
  locked?: TransitionLock;
}

/**
 * One transition inside the caller's transaction: lock the dossier row, let the engine
 * decide (permission, input, form, guard, revision) — and, leaving the draft, check the
 * files the form names (`checkAttachedFiles`) —, number the dossier when it leaves
 * its draft, write the new snapshot, append the event, enqueue the effects and the audit
 * row. Either all of it commits or none of it: the caller runs this in `inTransaction`.
 * Three round trips: the lock with what the writes need from the database (event seq,
 * the reference of a submit: `lockForTransition`), the writes together
 * (`writeTransition`), the commit — plus one read of the dossier's attachments when a
 * submitted form names files. The unit a transition routes to is checked against
 * the process's `UnitCatalog`, not the database.
 *
 * Two writers of one dossier queue on the row lock; the second then sees the first's
 * revision and gets STALE_REVISION with what changed (docs/SECURITY.md §9).
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
  const lock = request.locked ?? (await lockForTransition(tx, context.session, request.id));
  const loaded = lock.loaded;
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
  // Leaving the draft: every file the form names must be this dossier's, for its field.
  // …and every choice from a data source an entry of it (docs/SECURITY.md §101): the
  // table may have been re-imported since the draft was saved.
  const fileErrors = isDraft
    ? {
        ...(await checkAttachedFiles(tx, {
          tenantId: row.tenantId,
          dossierId: row.id,
          schema: definition.form.schema,
          data: row.data,
        })),
        ...(await sourcedValueErrors(tx, context, row.tenantId, definition, row.data)),
      }
    : {};
  if (applied.ok && Object.keys(fileErrors).length > 0) {
    return err(invalidFiles(fileErrors, request.transition));
  }
  if (!applied.ok) {
    const error = withFileErrors(engineErrorToDomain(applied.error, definition), fileErrors);
    if (applied.error.code !== 'STALE_REVISION') return err(error);
    const lastChange = await lastChangeOf(tx, row.tenantId, row.id);
    return err({ ...error, details: { ...error.details, lastChange } });
  }
  const [event] = applied.value.events;
  if (event === undefined) throw new Error('guichet: the engine returned no event');
  const { effects } = applied.value;
  const target = definition.workflow.states.find((s) => s.id === applied.value.dossier.state);
  const numbered = row.reference === null && target?.kind !== 'draft';
  const next = applied.value.dossier;
  // A routing rule or an `assign` effect may name a unit code the tenant does not have, or
  // has archived since (a definition published before the unit tree changed: §116). The
  // dossier then keeps its
  // previous unit — none, on submit: agents of the tenant still see it as unrouted — and
  // the event records the code that could not be used, instead of the foreign key failing
  // the citizen's submission.
  const newUnit = next.unit !== null && next.unit !== row.unitCode ? next.unit : null;
  const unknownUnit =
    newUnit === null || (await context.units.has(tx, row.tenantId, newUnit)) ? null : newUnit;
  if (unknownUnit !== null) {
    const refused = unknownUnitFromInput(
      definition,
      request.transition,
      request.input,
      unknownUnit,
    );
    if (refused !== null) return err(refused);
  }
  const reference = numbered ? await referenceFor(tx, context, definition, lock) : row.reference;
  const result = await writeTransition(
    tx,
    context,
    {
      row,
      published,
      next: unknownUnit === null ? next : { ...next, unit: row.unitCode },
      event,
      effects,
      reference,
      numbered,
      unknownUnit,
      eventSeq: effects.length > 0 ? lock.lastEventSeq + 1 : null,
    },
    { enqueue, alongside: request.alongside },
  );
  return ok(result);
}

/**
 * The reference of a dossier leaving its draft: the one drawn with the lock when it is
 * this definition's (prefix and year), else a number drawn now (a round trip of its own).
 */
async function referenceFor(
  tx: AppTransaction,
  context: DossierContext,
  definition: DemarcheDefinition,
  lock: TransitionLock,
): Promise<string> {
  const numbering = { prefix: definition.meta.referencePrefix, year: parisYear(context.now) };
  if (lock.reference?.startsWith(`${numbering.prefix}-${numbering.year}-`)) return lock.reference;
  return nextReference(tx, { tenantId: context.session.tenantId, ...numbering });
}
