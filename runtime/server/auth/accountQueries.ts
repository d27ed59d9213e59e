import { eq, sql } from 'drizzle-orm';
import { type AppDatabase, tenantScope, tenants, users } from '../../db/index.ts';
import type { AccountKind } from './sessionPolicy.ts';

/** Wrong passwords in a row before an account is locked (docs/SECURITY.md §2). */
export const LOCK_THRESHOLD = 6;
/** How long a lock lasts; a success after it resets the counter. */
export const LOCK_DURATION_MS = 15 * 60_000;

export interface Account {
  tenantId: string;
  id: string;
  email: string;
  displayName: string;
  kind: AccountKind;
  passwordHash: string | null;
  disabledAt: Date | null;
  lockedUntil: Date | null;
}

/**
 * The tenant of a slug (tenants are not tenant-scoped: this is how a request finds its
 * tenant), or null.
 *
 * @example
 * const tenant = await findTenantBySlug(db, 'ville-de-lyon');
 */
export async function findTenantBySlug(
  db: AppDatabase,
  slug: string,
): Promise<{ id: string; slug: string; name: string } | null> {
  const [row] = await db
    .select({ id: tenants.id, slug: tenants.slug, name: tenants.name })
    .from(tenants)
    .where(eq(tenants.slug, slug));
  return row ?? null;
}

const accountColumns = {
  tenantId: users.tenantId,
  id: users.id,
  email: users.email,
  displayName: users.displayName,
  kind: users.kind,
  passwordHash: users.passwordHash,
  disabledAt: users.disabledAt,
  lockedUntil: users.lockedUntil,
};

/**
 * An account of the tenant by email (stored lower-cased), or null.
 *
 * @example
 * const account = await findAccountByEmail(db, tenantId, 'claire@example.fr');
 */
export async function findAccountByEmail(
  db: AppDatabase,
  tenantId: string,
  email: string,
): Promise<Account | null> {
  const scope = tenantScope(tenantId);
  const [row] = await db
    .select(accountColumns)
    .from(users)
    .where(scope.where(users, eq(users.email, email.toLowerCase())));
  return row ?? null;
}

/**
 * An account of the tenant by id, or null.
 *
 * @example
 * const account = await findAccountById(db, session.tenantId, session.userId);
 */
export async function findAccountById(
  db: AppDatabase,
  tenantId: string,
  userId: string,
): Promise<Account | null> {
  const scope = tenantScope(tenantId);
  const [row] = await db
    .select(accountColumns)
    .from(users)
    .where(scope.where(users, eq(users.id, userId)));
  return row ?? null;
}

/**
 * Counts one wrong password, atomically (parallel guesses cannot slip past the
 * threshold), and locks the account when the count reaches `LOCK_THRESHOLD`. After a
 * lock has run out, the count starts again at 1. Returns true when this failure locked
 * the account.
 *
 * @example
 * if (await recordFailedLogin(tx, account, now)) await recordAudit(tx, { action: 'auth.lockout', ... });
 */
export async function recordFailedLogin(
  db: AppDatabase,
  account: { tenantId: string; id: string },
  now: Date,
): Promise<boolean> {
  // ISO text and casts: a raw Date parameter is serialised differently by each driver.
  const at = sql`${now.toISOString()}::timestamptz`;
  const lockOver = sql`(${users.lockedUntil} is not null and ${users.lockedUntil} <= ${at})`;
  const failures = sql`(case when ${lockOver} then 1 else ${users.failedLogins} + 1 end)`;
  const lockUntil = new Date(now.getTime() + LOCK_DURATION_MS).toISOString();
  const [row] = await db
    .update(users)
    .set({
      failedLogins: failures,
      lockedUntil: sql`case
        when ${failures} >= ${LOCK_THRESHOLD}::int and (${users.lockedUntil} is null or ${lockOver})
          then ${lockUntil}::timestamptz
        else ${users.lockedUntil} end`,
    })
    .where(tenantScope(account.tenantId).where(users, eq(users.id, account.id)))
    .returning({ failedLogins: users.failedLogins });
  return row?.failedLogins === LOCK_THRESHOLD;
}

/**
 * Forgets past failures and any lock (successful login, password change).
 *
 * @example
 * await clearFailedLogins(tx, account);
 */
export async function clearFailedLogins(
  db: AppDatabase,
  account: { tenantId: string; id: string },
): Promise<void> {
  await db
    .update(users)
    .set({ failedLogins: 0, lockedUntil: null })
    .where(tenantScope(account.tenantId).where(users, eq(users.id, account.id)));
}
