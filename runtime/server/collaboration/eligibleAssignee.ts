import { and, eq, isNull, sql } from 'drizzle-orm';
import type { AppDatabase } from '../../db/index.ts';
import { memberships, rowsOf, units, users } from '../../db/index.ts';

/**
 * Whether `userId` is an enabled staff member of the tenant who would see a dossier
 * routed to `unitCode` — the same rule as `readerOf`: admins see every dossier; agents
 * and supervisors the dossiers of the units they cover (their units and everything
 * under them), and unrouted ones (`unitCode` null).
 *
 * @example
 * await canHandle(tx, tenantId, colleagueId, 'ccas') // true for an agent of `ccas`
 */
export async function canHandle(
  db: AppDatabase,
  tenantId: string,
  userId: string,
  unitCode: string | null,
): Promise<boolean> {
  const roles = await db
    .select({ role: memberships.role, unitId: memberships.unitId })
    .from(memberships)
    .innerJoin(
      users,
      and(eq(users.tenantId, memberships.tenantId), eq(users.id, memberships.userId)),
    )
    .where(
      and(
        eq(memberships.tenantId, tenantId),
        eq(memberships.userId, userId),
        eq(users.kind, 'staff'),
        isNull(users.disabledAt),
      ),
    );
  if (roles.length === 0) return false;
  if (roles.some((membership) => membership.role === 'admin')) return true;
  if (unitCode === null || roles.some((membership) => membership.unitId === null)) return true;
  const own = roles.flatMap((membership) => (membership.unitId ? [membership.unitId] : []));
  return (await unitCodesUnder(db, tenantId, own)).includes(unitCode);
}

/** The codes of `unitIds` and of every unit under them. */
export async function unitCodesUnder(
  db: AppDatabase,
  tenantId: string,
  unitIds: readonly string[],
): Promise<string[]> {
  if (unitIds.length === 0) return [];
  const result = await db.execute(sql`
    with recursive covered as (
      select id, code from ${units}
      where tenant_id = ${tenantId} and id in (${sql.join(
        unitIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
      union
      select u.id, u.code from ${units} u join covered c on u.parent_id = c.id
      where u.tenant_id = ${tenantId}
    )
    select code from covered`);
  return (rowsOf(result) as Array<{ code: string }>).map((row) => row.code);
}
