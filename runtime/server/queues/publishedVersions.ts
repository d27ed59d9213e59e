import { eq } from 'drizzle-orm';
import { demarcheVersions } from '../../db/schema/index.ts';
import type { TenantScope } from '../../db/tenancy/tenantScope.ts';
import type { AppDatabase } from '../../db/types.ts';
import { loadPublishedVersion, type PublishedVersion } from '../dossiers/index.ts';

/**
 * Every published version of the tenant's démarches (or of one), oldest first within a
 * démarche. One small query for the list; the definitions themselves come from the
 * process-wide cache of immutable versions (`loadPublishedVersion`).
 *
 * @example
 * for (const published of await publishedVersions(db, scope)) console.log(published.slug, published.version);
 */
export async function publishedVersions(
  db: AppDatabase,
  scope: TenantScope,
  demarcheId?: string,
): Promise<PublishedVersion[]> {
  const versions = await db
    .select({ demarcheId: demarcheVersions.demarcheId, version: demarcheVersions.version })
    .from(demarcheVersions)
    .where(
      scope.where(
        demarcheVersions,
        demarcheId === undefined ? undefined : eq(demarcheVersions.demarcheId, demarcheId),
      ),
    )
    .orderBy(demarcheVersions.demarcheId, demarcheVersions.version);
  const published: PublishedVersion[] = [];
  for (const { demarcheId: id, version } of versions) {
    const found = await loadPublishedVersion(db, scope.tenantId, id, version);
    if (found !== null) published.push(found);
  }
  return published;
}
