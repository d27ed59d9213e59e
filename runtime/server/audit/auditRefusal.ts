import type { AppDatabase } from '../../db/index.ts';
import type { SessionActor } from '../core/sessionActor.ts';
import { recordAudit, userRef } from './recordAudit.ts';

/** Why a signed-in caller was refused: a role gate, or an object not found for them. */
export type RefusalKind = 'role' | 'not_found';

export interface Refusal {
  kind: RefusalKind;
  /** The procedure called, dotted: `dossiers.get`. */
  procedure: string;
  /** The raw input: only the keys naming objects are kept, never a password or a text. */
  input: unknown;
}

/** Keys that name an object: `id`, `dossierId`, `demarcheId`…, and a démarche's slug. */
const OBJECT_KEY = /^(?:id|[a-z]+Id|demarche|slug)$/;
/** Ids and slugs are short; a longer value is cut so a probe cannot bloat the log. */
const MAX_VALUE_LENGTH = 100;

/**
 * Appends the audit row of a refused call (docs/SECURITY.md §20): a signed-in user
 * stopped by a role gate (FORBIDDEN), or asking for an object that is not theirs to
 * see (NOT_FOUND: another tenant's id, another citizen's dossier, a random id — the
 * service cannot tell them apart without leaking, and need not: the row records the
 * id asked). Written after the refused call, outside its transaction; successful calls
 * never come here.
 *
 * @example
 * await auditRefusal(db, { session, requestId, now }, { kind: 'not_found', procedure: 'dossiers.get', input });
 */
export function auditRefusal(
  db: AppDatabase,
  who: { session: SessionActor; requestId: string; now: Date },
  refusal: Refusal,
): Promise<void> {
  const asked = objectsNamedBy(refusal.input);
  const first = Object.entries(asked)[0];
  return recordAudit(db, {
    tenantId: who.session.tenantId,
    actor: who.session.kind === 'system' ? 'system' : userRef(who.session.userId),
    action: refusal.kind === 'role' ? 'access.role_denied' : 'access.not_found',
    object: first ? `${nounOf(first[0], refusal.procedure)}:${first[1]}` : null,
    requestId: who.requestId,
    at: who.now,
    details: { procedure: refusal.procedure, ...(first ? { asked } : {}) },
  });
}

function objectsNamedBy(input: unknown): Record<string, string> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return {};
  const asked: Record<string, string> = {};
  for (const [key, value] of Object.entries(input)) {
    if (OBJECT_KEY.test(key) && typeof value === 'string') {
      asked[key] = value.slice(0, MAX_VALUE_LENGTH);
    }
  }
  return asked;
}

/** `id` of `dossiers.get` → `dossier`; `dossierId` → `dossier`; `demarche` → `demarche`. */
function nounOf(key: string, procedure: string): string {
  if (key === 'id') return (procedure.split('.')[0] ?? 'object').replace(/s$/, '');
  if (key === 'slug') return 'demarche';
  return key.replace(/Id$/, '');
}
