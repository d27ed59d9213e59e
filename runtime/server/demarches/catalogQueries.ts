import { asc, eq, sql } from 'drizzle-orm';
import { demarches, demarcheVersions } from '../../db/schema/demarches.ts';
import { tenants } from '../../db/schema/tenants.ts';
import type { TenantScope } from '../../db/tenancy/tenantScope.ts';
import type { AppDatabase } from '../../db/types.ts';
import { latestVersionOf } from './latestVersionOf.ts';
import type { VersionRow } from './versionQueries.ts';

/**
 * SQL behind the public catalogue: only published versions, never a draft. The tenant
 * comes from its public slug, then every query is confined to it like any other.
 */

export async function findTenantBySlug(
  db: AppDatabase,
  slug: string,
): Promise<{ id: string; slug: string; name: string } | undefined> {
  const [row] = await db
    .select({ id: tenants.id, slug: tenants.slug, name: tenants.name })
    .from(tenants)
    .where(eq(tenants.slug, slug));
  return row;
}

export interface PublishedListRow {
  slug: string;
  version: number;
  /** The `meta` object of the latest version, as stored (only it is read, not the form). */
  meta: unknown;
}

/** Démarches with at least one published version, each with its latest version's meta. */
export async function listPublishedRows(
  db: AppDatabase,
  scope: TenantScope,
): Promise<PublishedListRow[]> {
  const latest = latestVersionOf(db, scope, {
    version: demarcheVersions.version,
    meta: sql<unknown>`${demarcheVersions.definition} -> 'meta'`.as('meta'),
    // An agent's own démarche (an internal note) is not in the citizens' catalogue.
    internal:
      sql<boolean>`coalesce(${demarcheVersions.definition} #>> '{access,staff,applicant}' = 'self', false)`.as(
        'internal',
      ),
  });
  return db
    .select({ slug: demarches.slug, version: latest.version, meta: latest.meta })
    .from(demarches)
    .innerJoinLateral(latest, sql`true`)
    .where(scope.where(demarches, sql`not ${latest.internal}`))
    .orderBy(asc(demarches.title), asc(demarches.slug));
}

/** The latest published version of the démarche with this slug, or undefined. */
export async function findLatestPublishedBySlug(
  db: AppDatabase,
  scope: TenantScope,
  slug: string,
): Promise<VersionRow | undefined> {
  const [row] = await db
    .select({ version: demarcheVersions })
    .from(demarcheVersions)
    .innerJoin(
      demarches,
      sql`${demarches.tenantId} = ${demarcheVersions.tenantId} and ${demarches.id} = ${demarcheVersions.demarcheId}`,
    )
    .where(scope.where(demarcheVersions, eq(demarches.slug, slug)))
    .orderBy(sql`${demarcheVersions.version} desc`)
    .limit(1);
  return row?.version;
}
