import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { ok, type Result } from '../../../shared/result.ts';
import type { AppDatabase } from '../../db/index.ts';
import { memberships, rowsOf, units, users } from '../../db/index.ts';
import type { DomainError } from '../core/domainError.ts';
import { auditDenial, type DossierContext } from '../dossiers/index.ts';
import { staffDossier } from './staffDossier.ts';

export interface AssigneeOption {
  userId: string;
  displayName: string;
  /** The caller: the combobox says « moi » rather than the caller's own name. */
  me: boolean;
}

/**
 * The colleagues a dossier may be assigned to, by name: the enabled staff of the tenant
 * who would see it — admins, members without unit, and members of its unit or of a unit
 * above it (the same rule `canHandle` checks on `dossiers.assign`, docs/SECURITY.md §45,
 * computed once for the list, docs/SECURITY.md §76). Only staff who may read the dossier
 * get the list.
 *
 * @example
 * const { items } = (await listAssignees(context, { dossierId })).value;
 */
export async function listAssignees(
  context: DossierContext,
  input: { dossierId: string },
): Promise<Result<{ items: AssigneeOption[] }, DomainError>> {
  const loaded = await staffDossier(context.db, context, input.dossierId);
  if (!loaded.ok) {
    await auditDenial(context, input.dossierId, loaded.error);
    return loaded;
  }
  const { row } = loaded.value;
  const above =
    row.unitCode === null ? null : await unitIdsAbove(context.db, row.tenantId, row.unitCode);
  const members = await context.db
    .select({
      userId: users.id,
      displayName: users.displayName,
      role: memberships.role,
      unitId: memberships.unitId,
    })
    .from(memberships)
    .innerJoin(
      users,
      and(eq(users.tenantId, memberships.tenantId), eq(users.id, memberships.userId)),
    )
    .where(
      and(
        eq(memberships.tenantId, row.tenantId),
        eq(users.kind, 'staff'),
        isNull(users.disabledAt),
      ),
    )
    .orderBy(asc(users.displayName), asc(users.id));
  const seen = new Set<string>();
  const items: AssigneeOption[] = [];
  for (const member of members) {
    const handles =
      member.role === 'admin' ||
      member.unitId === null ||
      above === null ||
      above.includes(member.unitId);
    if (!handles || seen.has(member.userId)) continue;
    seen.add(member.userId);
    items.push({
      userId: member.userId,
      displayName: member.displayName,
      me: member.userId === context.session.userId,
    });
  }
  return ok({ items });
}

/** The ids of the unit coded `unitCode` and of every unit above it. */
async function unitIdsAbove(db: AppDatabase, tenantId: string, unitCode: string) {
  const result = await db.execute(sql`
    with recursive above as (
      select id, parent_id from ${units} where tenant_id = ${tenantId} and code = ${unitCode}
      union
      select u.id, u.parent_id from ${units} u join above a on u.id = a.parent_id
      where u.tenant_id = ${tenantId}
    )
    select id from above`);
  return (rowsOf(result) as Array<{ id: string }>).map((unit) => unit.id);
}
