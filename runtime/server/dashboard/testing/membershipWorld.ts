import { and, eq } from 'drizzle-orm';
import {
  demarches,
  demarcheVersions,
  memberships,
  tenants,
  units,
  users,
} from '../../../db/index.ts';
import type { AppDatabase } from '../../../db/types.ts';
import type { SessionActor } from '../../core/sessionActor.ts';
import { DEMO_TENANT, seedDemo } from '../../demo/index.ts';

/** The union-membership démarche of the demo tenant, ready for generated dossiers. */
export interface MembershipWorld {
  tenantId: string;
  demarcheId: string;
  version: number;
  /** The template's sample application (its test cases' data). */
  sample: Record<string, unknown>;
  /** Unit codes of the union tree, the confederation first. */
  unionUnits: string[];
  /** A staff session covering the whole union tree, which validates and transfers. */
  desk: SessionActor;
  /** The demo admin's session. */
  admin: SessionActor;
}

export const LOCAL_UNIONS = [
  'ul-lyon-sante',
  'ul-lyon-industrie',
  'ul-paris-sante',
  'ul-paris-services',
] as const;

/**
 * Seeds the demo tenant (`seedDemo`, once per database) and reads what generated
 * membership dossiers need from it: the published `adhesion-syndicale` version, its
 * sample application and the union tree (confederation → regional unions → local unions).
 *
 * @example
 * const world = await membershipWorld(database.db);
 */
export async function membershipWorld(db: AppDatabase): Promise<MembershipWorld> {
  await seedDemo(db);
  const [tenant] = await db.select().from(tenants).where(eq(tenants.slug, DEMO_TENANT));
  const tenantId = tenant!.id;
  const [version] = await db
    .select({
      demarcheId: demarcheVersions.demarcheId,
      version: demarcheVersions.version,
      definition: demarcheVersions.definition,
    })
    .from(demarcheVersions)
    .innerJoin(
      demarches,
      and(
        eq(demarches.tenantId, demarcheVersions.tenantId),
        eq(demarches.id, demarcheVersions.demarcheId),
      ),
    )
    .where(and(eq(demarches.tenantId, tenantId), eq(demarches.slug, 'adhesion-syndicale')));
  const definition = version!.definition as { tests?: Array<{ data: Record<string, unknown> }> };
  const unitRows = await db
    .select({ code: units.code, parentId: units.parentId, id: units.id })
    .from(units)
    .where(eq(units.tenantId, tenantId));
  const confederation = unitRows.find((unit) => unit.code === 'confederation')!;
  const regions = unitRows.filter((unit) => unit.parentId === confederation.id);
  const locals = unitRows.filter((unit) => regions.some((region) => region.id === unit.parentId));
  const unionUnits = [confederation, ...regions, ...locals].map((unit) => unit.code);
  const [admin] = await db
    .select({ id: users.id })
    .from(users)
    .innerJoin(
      memberships,
      and(eq(memberships.tenantId, users.tenantId), eq(memberships.userId, users.id)),
    )
    .where(and(eq(users.tenantId, tenantId), eq(memberships.role, 'admin')));
  const base = { tenantId, userId: admin!.id, kind: 'staff' as const, unitIds: [] };
  return {
    tenantId,
    demarcheId: version!.demarcheId,
    version: version!.version,
    sample: definition.tests![0]!.data,
    unionUnits,
    desk: {
      ...base,
      sessionId: 'dashboard-load-desk',
      roles: ['supervisor'],
      unitIds: [confederation.id],
      unitCodes: unionUnits,
    },
    admin: {
      ...base,
      sessionId: 'dashboard-load-admin',
      roles: ['admin'],
      unitCodes: unitRows.map((unit) => unit.code),
    },
  };
}
