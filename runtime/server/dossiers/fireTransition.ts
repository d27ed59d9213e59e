import { and, eq } from 'drizzle-orm';
import { apply, type DossierSnapshot } from '../../../shared/engine/index.ts';
import { err, ok, type Result } from '../../../shared/result.ts';
import type { AppTransaction } from '../../db/index.ts';
import { dossierEvents, dossiers, nextReference, units } from '../../db/index.ts';
import { recordSessionAudit } from '../audit/recordAudit.ts';
import type { DomainError } from '../trpc/domainError.ts';
import { type DossierContext, engineActor } from './dossierContext.ts';
import { snapshotColumns, toSnapshot } from './dossierSnapshot.ts';
import { engineErrorToDomain } from './engineErrorToDomain.ts';
import type { EnqueueEffects } from './enqueuePort.ts';
import { lastChangeOf } from './lastChange.ts';
import { loadDossier, sameDossier } from './loadDossier.ts';
import { parisYear, transitionPayload } from './transitionPayload.ts';
import { type TransitionResult, transitionResult } from './transitionResult.ts';

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
}

/**
 * One transition inside the caller's transaction: lock the dossier row, let the engine
 * decide (permission, input, form, guard, revision), number the dossier when it leaves
 * its draft, write the new snapshot, append the event, enqueue the effects and the audit
 * row. Either all of it commits or none of it: the caller runs this in `inTransaction`.
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
  const loaded = await loadDossier(tx, context.session, request.id, { forUpdate: true });
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
  const routed = await keepKnownUnit(tx, row.tenantId, applied.value.dossier, row.unitCode);
  const next = routed.next;

  const target = definition.workflow.states.find((s) => s.id === next.state);
  const numbering = row.reference === null && target?.kind !== 'draft';
  // The counter row stays locked until commit (submits of one prefix queue on it); what
  // follows is a handful of inserts, and the event must carry the number it gave.
  const reference = numbering
    ? await nextReference(tx, {
        tenantId: row.tenantId,
        prefix: definition.meta.referencePrefix,
        year: parisYear(context.now),
      })
    : row.reference;
  const [updated] = await tx
    .update(dossiers)
    .set({
      ...snapshotColumns(next),
      reference,
      ...(numbering ? { submittedAt: context.now } : {}),
      updatedAt: context.now,
    })
    .where(and(sameDossier(row), eq(dossiers.revision, row.revision)))
    .returning();
  // The row is locked and its revision was checked by the engine: a miss is a bug.
  if (updated === undefined) throw new Error(`guichet: dossier ${row.id} changed under its lock`);

  const [stored] = await tx
    .insert(dossierEvents)
    .values({
      tenantId: row.tenantId,
      dossierId: row.id,
      type: 'transition',
      actorId: context.session.userId,
      at: context.now,
      payload: transitionPayload(event, {
        reference: numbering ? reference : null,
        unknownUnit: routed.unknownUnit,
      }),
      requestId: context.requestId,
    })
    .returning({ seq: dossierEvents.seq });
  if (applied.value.effects.length > 0) {
    await enqueue(tx, {
      tenantId: row.tenantId,
      dossierId: row.id,
      reference,
      eventSeq: stored!.seq,
      demarcheId: row.demarcheId,
      version: row.version,
      effects: applied.value.effects,
      input: event.input,
    });
  }
  await recordSessionAudit(tx, context, {
    action: 'dossier.transition',
    object: `dossier:${row.id}`,
    details: {
      transition: event.transition,
      from: event.from,
      to: event.to,
      revision: next.revision,
    },
  });
  return ok(transitionResult(updated, published, event.transition));
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
  const [known] = await tx
    .select({ code: units.code })
    .from(units)
    .where(and(eq(units.tenantId, tenantId), eq(units.code, next.unit)));
  if (known !== undefined) return { next, unknownUnit: null };
  return { next: { ...next, unit: previous }, unknownUnit: next.unit };
}
