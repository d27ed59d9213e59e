import { sql } from 'drizzle-orm';
import { type AppDatabase, auditLog, fixedStatement, statementBuilder } from '../../db/index.ts';
import type { SessionActor } from '../core/sessionActor.ts';

export interface AuditEntry {
  tenantId: string;
  /** `user:<uuid>`, `anonymous`, `system`. */
  actor: string;
  /** Dotted verb, e.g. `auth.login`. */
  action: string;
  /** What was acted on, e.g. `user:<uuid>`. */
  object?: string | null;
  requestId?: string | null;
  at: Date;
  /** Never a password, a token or a hash (docs/SECURITY.md §20–§21). */
  details?: Record<string, unknown>;
}

/**
 * Appends one audit row (docs/SECURITY.md §20), inside the caller's transaction so the row
 * commits or rolls back with the change it describes. The one writer of `audit_log`.
 *
 * @example
 * await recordAudit(tx, { tenantId, actor: `user:${userId}`, action: 'auth.logout', at: now });
 */
export async function recordAudit(db: AppDatabase, entry: AuditEntry): Promise<void> {
  await insertAudit.run(db, {
    tenantId: entry.tenantId,
    actor: entry.actor,
    action: entry.action,
    object: entry.object ?? null,
    requestId: entry.requestId ?? null,
    at: entry.at,
    details: entry.details ?? {},
  });
}

const p = sql.placeholder;

/** Written by nearly every mutation: built once (`fixedStatement`). */
const insertAudit = fixedStatement<
  Required<Omit<AuditEntry, 'object' | 'requestId'>> & {
    object: string | null;
    requestId: string | null;
  }
>(
  statementBuilder.insert(auditLog).values({
    tenantId: p('tenantId'),
    actor: p('actor'),
    action: p('action'),
    object: p('object'),
    requestId: p('requestId'),
    at: p('at'),
    details: p('details'),
  }),
);

/** The audit actor (and object) naming a user. */
export const userRef = (userId: string) => `user:${userId}`;

/**
 * The same row for an action of the signed-in user: actor, tenant, time and request
 * come from the request. The system session (timers) is audited as `system`.
 *
 * @example
 * await recordSessionAudit(tx, { session, requestId, now }, {
 *   action: 'dossier.transition', object: `dossier:${id}`, details: { transition: 'accepter' },
 * });
 */
export function recordSessionAudit(
  db: AppDatabase,
  who: { session: SessionActor; requestId: string; now: Date },
  entry: { action: string; object: string; details?: Record<string, unknown> },
): Promise<void> {
  return recordAudit(db, {
    tenantId: who.session.tenantId,
    actor: who.session.kind === 'system' ? 'system' : userRef(who.session.userId),
    action: entry.action,
    object: entry.object,
    requestId: who.requestId,
    at: who.now,
    details: entry.details ?? {},
  });
}
