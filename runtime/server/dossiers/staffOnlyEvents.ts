/**
 * Dossier events that only the staff may see: the agents' own collaboration (private
 * comments, who handles the dossier, who follows it). The dossier's history drops them
 * for its applicant, and the "last change" told to a stale writer never names them
 * unless the caller asks for staff's eyes (docs/SECURITY.md §41).
 */
export const STAFF_ONLY_EVENT_TYPES = [
  'comment_added',
  'assignment_changed',
  'followed',
  'unfollowed',
] as const;

export type StaffOnlyEventType = (typeof STAFF_ONLY_EVENT_TYPES)[number];

const STAFF_ONLY: ReadonlySet<string> = new Set(STAFF_ONLY_EVENT_TYPES);

/**
 * @example
 * isStaffOnlyEvent('comment_added') // true
 */
export function isStaffOnlyEvent(type: string): boolean {
  return STAFF_ONLY.has(type);
}
