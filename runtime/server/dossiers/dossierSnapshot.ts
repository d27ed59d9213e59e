import type { Priority } from '../../../shared/definition/types.ts';
import type { DossierSnapshot } from '../../../shared/engine/index.ts';
import { PRIORITY_RANKS } from '../../db/index.ts';
import type { DossierRow } from './dossierQueries.ts';

export type { DossierRow } from './dossierQueries.ts';

const PRIORITY_BY_RANK = new Map<number, Priority>(
  Object.entries(PRIORITY_RANKS).map(([name, rank]) => [rank, name as Priority]),
);

/**
 * Decodes a row into the engine's snapshot. A draft has no reference yet: the engine
 * sees `''`, and `snapshotChanges` never writes it back.
 *
 * @example
 * const next = apply(definition, toSnapshot(row), action, input, actor, now);
 */
export function toSnapshot(row: DossierRow): DossierSnapshot {
  return {
    id: row.id,
    reference: row.reference ?? '',
    state: row.state,
    revision: row.revision,
    data: row.data,
    applicantId: row.applicantId,
    unit: row.unitCode,
    assigneeId: row.assigneeId,
    priority: PRIORITY_BY_RANK.get(row.priority) ?? 'normal',
    createdAt: row.createdAt.toISOString(),
    enteredStateAt: row.enteredStateAt.toISOString(),
    dueAt: row.dueAt?.toISOString() ?? null,
    submittedAt: row.submittedAt?.toISOString() ?? null,
  };
}

/**
 * The columns to write back after the engine produced `next`: everything a transition
 * may change. Not the form data: transitions never change it (only `saveDraft` does),
 * and rewriting an unchanged jsonb costs its whole size again in the row, the TOAST
 * table and the WAL. The reference and the submission date are the caller's business.
 *
 * @example
 * await tx.update(dossiers).set({ ...snapshotColumns(next), updatedAt: now }).where(...);
 */
export function snapshotColumns(next: DossierSnapshot) {
  return {
    state: next.state,
    revision: next.revision,
    unitCode: next.unit,
    assigneeId: next.assigneeId,
    priority: PRIORITY_RANKS[next.priority],
    enteredStateAt: new Date(next.enteredStateAt),
    dueAt: next.dueAt === null ? null : new Date(next.dueAt),
  };
}
