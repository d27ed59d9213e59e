import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { type AppDatabase, memberships, tenantScope, units, users } from '../../db/index.ts';
import { lockUntilCommit } from '../core/lockUntilCommit.ts';
import type { AccessEntry } from './staffInputs.ts';

/** A staff account of the tenant (never a citizen), or undefined. */
export async function staffUser(
  db: AppDatabase,
  tenantId: string,
  userId: string,
  options: { forUpdate?: boolean } = {},
): Promise<{ id: string; email: string; disabledAt: Date | null } | undefined> {
  const query = db
    .select({ id: users.id, email: users.email, disabledAt: users.disabledAt })
    .from(users)
    .where(tenantScope(tenantId).where(users, eq(users.id, userId), eq(users.kind, 'staff')));
  const [row] = options.forUpdate === true ? await query.for('update') : await query;
  return row;
}

/**
 * Serialises the invitations of one address of the tenant until the transaction ends:
 * each then sees, and revokes, the one before it.
 */
export async function lockInvitationsOf(
  tx: AppDatabase,
  tenantId: string,
  email: string,
): Promise<void> {
  await lockUntilCommit(tx, `guichet.invitation:${tenantId}:${email}`);
}

/** Whether every unit named in `access` is a unit of the tenant. */
export async function unitsExist(
  db: AppDatabase,
  tenantId: string,
  access: readonly AccessEntry[],
): Promise<boolean> {
  const ids = [
    ...new Set(access.flatMap((entry) => (entry.unitId === null ? [] : [entry.unitId]))),
  ];
  if (ids.length === 0) return true;
  const found = await db
    .select({ id: units.id })
    .from(units)
    .where(tenantScope(tenantId).where(units, inArray(units.id, ids)));
  return found.length === ids.length;
}

/** The same role on the same unit twice is one membership. */
export function distinctAccess(access: readonly AccessEntry[]): AccessEntry[] {
  const seen = new Map(access.map((entry) => [`${entry.role}:${entry.unitId}`, entry]));
  return [...seen.values()];
}

/**
 * Enabled accounts holding `admin` in the tenant, other than `except`: an admin cannot
 * remove the last one (else nobody could run the collectivité any more).
 */
export async function otherActiveAdmins(
  db: AppDatabase,
  tenantId: string,
  except: string,
): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(distinct ${users.id})::int` })
    .from(memberships)
    .innerJoin(
      users,
      and(eq(users.tenantId, memberships.tenantId), eq(users.id, memberships.userId)),
    )
    .where(
      tenantScope(tenantId).where(
        memberships,
        eq(memberships.role, 'admin'),
        isNull(users.disabledAt),
        sql`${users.id} <> ${except}`,
      ),
    );
  return row?.count ?? 0;
}
