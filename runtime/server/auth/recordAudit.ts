import { type AppDatabase, auditLog } from '../../db/index.ts';

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
  /** Never a password, a token or a hash (SECURITY items 20–21). */
  details?: Record<string, unknown>;
}

/**
 * Appends one audit row, inside the caller's transaction so the row commits with the
 * change it describes. The auth feature's own writer until `runtime/db` offers a shared
 * one.
 *
 * @example
 * await recordAudit(tx, { tenantId, actor: `user:${userId}`, action: 'auth.logout', at: now });
 */
export async function recordAudit(db: AppDatabase, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    tenantId: entry.tenantId,
    actor: entry.actor,
    action: entry.action,
    object: entry.object ?? null,
    requestId: entry.requestId ?? null,
    at: entry.at,
    details: entry.details ?? {},
  });
}

/** The audit actor (and object) naming a user. */
export const userRef = (userId: string) => `user:${userId}`;
