import type { AppDatabase } from '../../db/index.ts';
import { recordAudit, userRef } from '../audit/index.ts';
import type { SessionActor } from '../core/sessionActor.ts';
import type { AuthRequest } from './authRequest.ts';
import { revokeSession } from './sessionQueries.ts';

/**
 * Revokes the current session in the database, so the old cookie replayed later is
 * refused (docs/SECURITY.md §4); clearing the cookie is the procedure's job.
 *
 * @example
 * if (ctx.session) await logout(db, ctx.session, request);
 */
export async function logout(
  db: AppDatabase,
  session: SessionActor,
  request: AuthRequest,
): Promise<void> {
  await db.transaction(async (tx) => {
    await revokeSession(tx, session, request.now);
    await recordAudit(tx, {
      tenantId: session.tenantId,
      actor: userRef(session.userId),
      action: 'auth.logout',
      object: userRef(session.userId),
      requestId: request.requestId,
      at: request.now,
    });
  });
}
