import type { DossierRow } from './dossierSnapshot.ts';
import type { PublishedVersion } from './publishedDefinition.ts';

/** What `submit` and `act` answer: the dossier as the transition left it. */
export interface TransitionResult {
  id: string;
  reference: string | null;
  transition: string;
  state: string;
  stateLabel: string;
  revision: number;
  unitCode: string | null;
  assigneeId: string | null;
  dueAt: string | null;
}

/**
 * Plain JSON on purpose (ISO strings, no Date): `submit` stores it as the idempotent
 * answer and a replay returns it byte for byte.
 *
 * @example
 * return ok(transitionResult(updatedRow, published, 'deposer'));
 */
export function transitionResult(
  row: DossierRow,
  published: PublishedVersion,
  transition: string,
): TransitionResult {
  const state = published.definition.workflow.states.find((s) => s.id === row.state);
  return {
    id: row.id,
    reference: row.reference,
    transition,
    state: row.state,
    stateLabel: state?.label ?? row.state,
    revision: row.revision,
    unitCode: row.unitCode,
    assigneeId: row.assigneeId,
    dueAt: row.dueAt?.toISOString() ?? null,
  };
}
