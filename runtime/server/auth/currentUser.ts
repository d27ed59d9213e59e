import { eq, inArray } from 'drizzle-orm';
import { type AppDatabase, tenantScope, tenants, units, users } from '../../db/index.ts';
import type { SessionActor } from '../core/sessionActor.ts';

export interface CurrentUser {
  id: string;
  email: string;
  displayName: string;
  kind: 'citizen' | 'staff';
  /** False until a citizen opens the link mailed at sign-up (docs/SECURITY.md §50). */
  emailConfirmed: boolean;
  roles: SessionActor['roles'];
  /** The units of the user's memberships. */
  units: Array<{ id: string; code: string; name: string }>;
  /** Codes of every unit the user covers (memberships and their descendants). */
  coveredUnitCodes: string[];
  tenant: { id: string; slug: string; name: string };
}

/**
 * The signed-in user as the web apps show it (`auth.me`): identity, roles and units,
 * and the tenant. Null if the account vanished since the session was resolved.
 *
 * @example
 * const me = ctx.session ? await currentUser(db, ctx.session) : null;
 */
export async function currentUser(
  db: AppDatabase,
  session: SessionActor,
): Promise<CurrentUser | null> {
  const scope = tenantScope(session.tenantId);
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      kind: users.kind,
      emailConfirmedAt: users.emailConfirmedAt,
      tenant: { id: tenants.id, slug: tenants.slug, name: tenants.name },
    })
    .from(users)
    .innerJoin(tenants, eq(tenants.id, users.tenantId))
    .where(scope.where(users, eq(users.id, session.userId)));
  if (!row) return null;
  const { emailConfirmedAt, ...identity } = row;
  const memberUnits =
    session.unitIds.length === 0
      ? []
      : await db
          .select({ id: units.id, code: units.code, name: units.name })
          .from(units)
          .where(scope.where(units, inArray(units.id, session.unitIds)))
          .orderBy(units.code);
  return {
    ...identity,
    emailConfirmed: emailConfirmedAt !== null,
    roles: session.roles,
    units: memberUnits,
    coveredUnitCodes: session.unitCodes,
  };
}
