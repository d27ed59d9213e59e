import { eq, isNull, lte, ne } from 'drizzle-orm';
import { type AppDatabase, sessions, tenantScope } from '../../db/index.ts';
import { type AccountKind, SESSION_POLICIES } from './sessionPolicy.ts';
import { newSessionToken } from './sessionToken.ts';

/**
 * Opens a session with the lifetimes of the account kind and returns its token (for
 * the cookie) and id. The token is always new: the server never adopts one sent by the
 * client.
 *
 * @example
 * const { token } = await insertSession(tx, { tenantId, userId, kind: 'staff' }, now);
 */
export async function insertSession(
  db: AppDatabase,
  owner: { tenantId: string; userId: string; kind: AccountKind },
  now: Date,
): Promise<{ token: string; id: string }> {
  const policy = SESSION_POLICIES[owner.kind];
  const { token, id } = newSessionToken();
  await db.insert(sessions).values(
    tenantScope(owner.tenantId).values({
      id,
      userId: owner.userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + policy.absoluteS * 1000),
      idleTimeoutS: policy.idleTimeoutS,
    }),
  );
  return { token, id };
}

/**
 * Revokes one session (logout); revoked rows stay for the audit trail until their
 * expiry.
 *
 * @example
 * await revokeSession(tx, ctx.session, now);
 */
export async function revokeSession(
  db: AppDatabase,
  session: { tenantId: string; sessionId: string },
  now: Date,
): Promise<void> {
  const scope = tenantScope(session.tenantId);
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(scope.where(sessions, eq(sessions.id, session.sessionId), isNull(sessions.revokedAt)));
}

/**
 * Revokes every live session of a user except `keep` (password change keeps the
 * current one; disabling an account keeps none). Returns how many were revoked.
 *
 * @example
 * await revokeUserSessions(tx, { tenantId, userId, keep: session.sessionId }, now);
 */
export async function revokeUserSessions(
  db: AppDatabase,
  target: { tenantId: string; userId: string; keep?: string },
  now: Date,
): Promise<number> {
  const revoked = await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(
      tenantScope(target.tenantId).where(
        sessions,
        eq(sessions.userId, target.userId),
        isNull(sessions.revokedAt),
        target.keep === undefined ? undefined : ne(sessions.id, target.keep),
      ),
    )
    .returning({ id: sessions.id });
  return revoked.length;
}

/**
 * Deletes a user's sessions past their absolute end: they can never be valid again,
 * and the audit log, not this table, keeps the history. Called at login, so the table
 * stays bounded by active users without a job.
 *
 * @example
 * await purgeEndedSessions(tx, { tenantId, userId }, now);
 */
export async function purgeEndedSessions(
  db: AppDatabase,
  owner: { tenantId: string; userId: string },
  now: Date,
): Promise<void> {
  await db
    .delete(sessions)
    .where(
      tenantScope(owner.tenantId).where(
        sessions,
        eq(sessions.userId, owner.userId),
        lte(sessions.expiresAt, now),
      ),
    );
}
