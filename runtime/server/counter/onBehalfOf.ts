import type { SessionActor } from '../core/sessionActor.ts';

/**
 * The actor an agent fills and files a counter dossier as: its applicant, as a citizen
 * without roles, so the dossier rules (editable fields, validation, the submitting
 * transition's `by: applicant`) apply exactly as to the person themself. Never given to
 * anything but the dossier services of one counter draft the agent opened (`counterDraft`).
 */
export function onBehalfOf(agent: SessionActor, applicantId: string): SessionActor {
  return {
    sessionId: `guichet:${agent.sessionId}`,
    tenantId: agent.tenantId,
    userId: applicantId,
    kind: 'citizen',
    roles: [],
    unitIds: [],
    unitCodes: [],
  };
}
