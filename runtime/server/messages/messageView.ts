/** A message as both sides see it. */
export interface MessageView {
  id: string;
  dossierId: string;
  /** `applicant`, `agent` (any staff member) or `system`. */
  authorRole: 'applicant' | 'agent' | 'system';
  authorName: string | null;
  /** Plain text, never HTML: the web apps render it as text (docs/SECURITY.md §11). */
  body: string;
  createdAt: string;
  /** Whether the caller wrote it. */
  mine: boolean;
}
