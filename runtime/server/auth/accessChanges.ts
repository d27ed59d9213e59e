/** Where migration 0005's triggers announce changes of access (payloads below). */
export const ACCESS_CHANNEL = 'guichet_access';

/** What a notification names: one session, one user's sessions, or a whole tenant's. */
export type AccessChange =
  | { session: string }
  | { tenantId: string; userId: string }
  | { tenantId: string };

/** `s:<session>`, `u:<tenant>:<user>`, `t:<tenant>`; null for anything else (forget all). */
export function parseAccessChange(payload: string): AccessChange | null {
  const [kind, first, second] = payload.split(':');
  if (kind === 's' && first) return { session: payload.slice(2) };
  if (kind === 'u' && first && second) return { tenantId: first, userId: second };
  if (kind === 't' && first) return { tenantId: first };
  return null;
}
