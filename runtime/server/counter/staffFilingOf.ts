import type { StaffFiling } from '../../../shared/definition/index.ts';
import type { SessionActor } from '../core/sessionActor.ts';

/**
 * The definition's `access.staff` when `session` holds one of the roles it names, else
 * null: a démarche staff may not open, or not with these roles.
 *
 * @example
 * staffFilingOf(published.definition.access, agentSession); // { roles: ['agent'], applicant: 'self' }
 */
export function staffFilingOf(
  access: { staff?: StaffFiling } | undefined,
  session: SessionActor,
): StaffFiling | null {
  const staff = access?.staff;
  if (staff === undefined || session.kind !== 'staff') return null;
  return staff.roles.some((role) => session.roles.includes(role)) ? staff : null;
}
