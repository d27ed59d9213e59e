import type { StateKind } from '../../../shared/definition/types.ts';
import type { SessionActor } from '../core/sessionActor.ts';

/** Who reads: the applicant, a staff member, or nobody (the dossier stays invisible). */
export type Reader = 'applicant' | 'staff' | null;

/**
 * Whether `session` may see a dossier, and as whom:
 * - its applicant, always;
 * - admins, every submitted dossier of the tenant;
 * - agents and supervisors, submitted dossiers of a unit they cover, and submitted
 *   dossiers no rule could route (`unit_code` null) so someone can pick them up;
 * - the system session (timers), every submitted dossier of its tenant, as an admin.
 *
 * A draft is the citizen's own unfinished work: no staff member sees it before it is
 * submitted (data minimisation), which also keeps half-typed data out of agent queues.
 * Callers answer NOT_FOUND when this returns null, exactly as for a random id
 * (docs/SECURITY.md §7): a dossier one may not read does not exist for them.
 *
 * @example
 * if (readerOf(session, row, kind) === null) return err(dossierNotFound());
 */
export function readerOf(
  session: SessionActor,
  dossier: { applicantId: string; unitCode: string | null },
  stateKind: StateKind | undefined,
): Reader {
  if (session.kind === 'system') return stateKind === 'draft' ? null : 'staff';
  if (dossier.applicantId === session.userId) return 'applicant';
  if (session.kind !== 'staff' || stateKind === 'draft') return null;
  if (session.roles.includes('admin')) return 'staff';
  const covers = session.roles.includes('agent') || session.roles.includes('supervisor');
  if (covers && (dossier.unitCode === null || session.unitCodes.includes(dossier.unitCode))) {
    return 'staff';
  }
  return null;
}
