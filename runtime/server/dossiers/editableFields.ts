import type { Role, StateDefinition } from '../../../shared/definition/types.ts';
import type { SessionActor } from '../core/sessionActor.ts';

/** `'*'`: every field; otherwise the top-level field names the caller may change. */
export type EditableFields = '*' | ReadonlySet<string>;

/**
 * The form fields the caller may edit in `state` (its `editable` rules): the applicant
 * role applies to the dossier's own applicant only, staff roles to staff. No rule, or
 * none for the caller's roles: nothing is editable.
 *
 * @example
 * editableFields(brouillon, citizenSession, dossier.applicantId); // '*'
 * editableFields(depose, citizenSession, dossier.applicantId); // Set {}
 */
export function editableFields(
  state: StateDefinition | undefined,
  session: SessionActor,
  applicantId: string,
): EditableFields {
  const roles = new Set<Role>(session.kind === 'staff' ? session.roles : []);
  if (session.userId === applicantId) roles.add('applicant');
  const fields = new Set<string>();
  for (const rule of state?.editable ?? []) {
    if (!rule.by.some((role) => roles.has(role))) continue;
    if (rule.fields === '*') return '*';
    for (const field of rule.fields) fields.add(field);
  }
  return fields;
}

/** Whether `field` is among `editable`. */
export function canEdit(editable: EditableFields, field: string): boolean {
  return editable === '*' || editable.has(field);
}
