import type { AppDatabase } from '../../db/index.ts';
import { auditLog } from '../../db/index.ts';
import type { SessionActor } from '../trpc/context.ts';

export interface AuditEntry {
  /** e.g. `dossier.read`, `dossier.transition`, `dossier.denied`. */
  action: string;
  /** e.g. `dossier:<uuid>`, `attachment:<uuid>`. */
  object: string;
  /** What happened, never a secret nor form data. */
  details?: Record<string, unknown>;
}

/**
 * Appends one row to the tenant's audit log (SECURITY §20): who (`user:<uuid>`), what,
 * on which object, when, under which request. Inside a transaction it commits or rolls
 * back with the change it describes.
 *
 * @example
 * await recordAudit(tx, { session, requestId, now }, {
 *   action: 'dossier.transition', object: `dossier:${id}`, details: { transition: 'accepter' },
 * });
 */
export async function recordAudit(
  db: AppDatabase,
  who: { session: SessionActor; requestId: string; now: Date },
  entry: AuditEntry,
): Promise<void> {
  await db.insert(auditLog).values({
    tenantId: who.session.tenantId,
    actor: `user:${who.session.userId}`,
    action: entry.action,
    object: entry.object,
    at: who.now,
    requestId: who.requestId,
    details: entry.details ?? {},
  });
}
