import { eq, sql } from 'drizzle-orm';
import { err, ok, type Result } from '../../../shared/result.ts';
import { type AppDatabase, tenantScope, users } from '../../db/index.ts';
import type { DomainError } from '../core/domainError.ts';
import { USER_NOT_FOUND } from './authErrors.ts';
import { revokeUserSessions } from './sessionQueries.ts';

/**
 * Disables an account and revokes all its sessions, inside the caller's transaction
 * (docs/SECURITY.md §5): its open tabs are signed out at their next request, and login
 * refuses it with the usual generic answer. Disabling twice is harmless (the first
 * `disabled_at` stays). The caller (the admin feature) writes the audit row, as it
 * knows who acted, and after the commit calls `deps.forgetSessions` so its own process's
 * session cache drops the user at once (other processes hear PostgreSQL's notification). The wall clock stamps both columns: only their presence decides
 * access, so a test clock is not needed here.
 *
 * @example
 * await db.transaction(async (tx) => unwrap(await disableUser(tx, tenantId, userId)));
 * ctx.deps.forgetSessions({ tenantId, userId });
 */
export async function disableUser(
  tx: AppDatabase,
  tenantId: string,
  userId: string,
): Promise<Result<{ revokedSessions: number }, DomainError>> {
  const [user] = await tx
    .update(users)
    .set({ disabledAt: sql`coalesce(${users.disabledAt}, now())` })
    .where(tenantScope(tenantId).where(users, eq(users.id, userId)))
    .returning({ id: users.id });
  if (!user) return err(USER_NOT_FOUND);
  const revokedSessions = await revokeUserSessions(tx, { tenantId, userId }, new Date());
  return ok({ revokedSessions });
}
