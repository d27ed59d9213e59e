import type { DossierEvent, DossierSnapshot, PendingEffect } from '../../../shared/engine/index.ts';
import { type AppTransaction, settleAll } from '../../db/index.ts';
import { recordSessionAudit } from '../audit/index.ts';
import type { EnqueueEffects } from '../core/enqueuePort.ts';
import type { DossierContext } from './dossierContext.ts';
import {
  insertTransitionEvent,
  updateDossierData,
  updateSnapshot,
  updateSubmittedSnapshot,
} from './dossierQueries.ts';
import { type DossierRow, snapshotColumns } from './dossierSnapshot.ts';
import type { PublishedVersion } from './publishedDefinition.ts';
import { transitionPayload } from './transitionPayload.ts';
import { type TransitionResult, transitionResult } from './transitionResult.ts';

/** What the engine decided, ready to be written. */
export interface TransitionWrite {
  /** The dossier as locked. */
  row: DossierRow;
  published: PublishedVersion;
  /** The engine's next snapshot, routed to a unit the tenant has. */
  next: DossierSnapshot;
  event: DossierEvent;
  effects: PendingEffect[];
  /** The dossier's reference after the transition; `numbered`: it was given just now. */
  reference: string | null;
  numbered: boolean;
  unknownUnit: string | null;
  /**
   * The `seq` the event will get (the dossier's last + 1: its row lock keeps other
   * writers of events out), so the effect jobs can be written along with the event. Null
   * when there are no effects.
   */
  eventSeq: number | null;
}

export interface TransitionWriters {
  enqueue: EnqueueEffects;
  /** Written in the same batch, e.g. `submit`'s idempotent answer. */
  alongside?: ((tx: AppTransaction, result: TransitionResult) => Promise<unknown>) | undefined;
}

/**
 * Writes a decided transition: the dossier's new snapshot, the event, the effect jobs,
 * the audit row and `alongside`, sent together in ONE round trip — none needs another's
 * result — and awaited all before anything fails (`settleAll`). The answer is built
 * from what is written, not read back.
 *
 * @example
 * const result = await writeTransition(tx, context, write, { enqueue: enqueueEffects });
 */
export async function writeTransition(
  tx: AppTransaction,
  context: DossierContext,
  write: TransitionWrite,
  writers: TransitionWriters,
): Promise<TransitionResult> {
  const { row, next, event, reference } = write;
  // `snapshotColumns` leaves the form data out; the transitions that change it send it on
  // its own, in the same batch: one that `writes` the actor's input, or a submission
  // dropping the fields of pages their conditions hide.
  const written = next.data !== row.data;
  if (written && !mayChangeData(write.published, event.transition)) {
    throw new Error('guichet: a transition changed the form data');
  }
  const columns = { ...snapshotColumns(next), reference, updatedAt: context.now };
  const result = transitionResult(
    { ...row, ...columns, ...(write.numbered ? { submittedAt: context.now } : {}) },
    write.published,
    event.transition,
  );
  const where = { tenantId: row.tenantId, id: row.id, expectedRevision: row.revision };
  const [updated, stored, , , , dataUpdated] = await settleAll([
    write.numbered
      ? updateSubmittedSnapshot.run(tx, { ...columns, ...where, submittedAt: context.now })
      : updateSnapshot.run(tx, { ...columns, ...where }),
    insertTransitionEvent.run(tx, {
      tenantId: row.tenantId,
      dossierId: row.id,
      // The runtime (timers) is no user: its events have no actor, like the worker's.
      actorId: context.session.kind === 'system' ? null : context.session.userId,
      at: context.now,
      payload: transitionPayload(event, {
        reference: write.numbered ? reference : null,
        unknownUnit: write.unknownUnit,
      }),
      requestId: context.requestId,
    }),
    write.eventSeq === null
      ? undefined
      : writers.enqueue(tx, {
          tenantId: row.tenantId,
          dossierId: row.id,
          reference,
          eventSeq: write.eventSeq,
          demarcheId: row.demarcheId,
          version: row.version,
          effects: write.effects,
          input: event.input,
        }),
    recordSessionAudit(tx, context, {
      action: 'dossier.transition',
      object: `dossier:${row.id}`,
      details: {
        transition: event.transition,
        from: event.from,
        to: event.to,
        revision: next.revision,
      },
    }),
    writers.alongside?.(tx, result),
    written
      ? updateDossierData.run(tx, { tenantId: row.tenantId, id: row.id, data: next.data })
      : [{ id: row.id }],
  ]);
  if (dataUpdated.length !== 1) {
    throw new Error(`guichet: dossier ${row.id} lost its data under its lock`);
  }
  // The row is locked and its revision was checked by the engine: a miss is a bug, and
  // so is an event numbered otherwise than its jobs. Throwing rolls everything back.
  if (updated.length === 0) throw new Error(`guichet: dossier ${row.id} changed under its lock`);
  const seq = stored[0]?.seq;
  if (write.eventSeq !== null && seq !== write.eventSeq) {
    throw new Error(`guichet: event ${seq} of dossier ${row.id}, expected ${write.eventSeq}`);
  }
  return result;
}

function mayChangeData(published: PublishedVersion, transition: string): boolean {
  const found = published.definition.workflow.transitions.find((t) => t.id === transition);
  return found?.validateForm === true || (found?.writes?.length ?? 0) > 0;
}
