import { and, desc, eq } from 'drizzle-orm';
import type { DemarcheDefinition } from '../../../shared/definition/types.ts';
import type { AppDatabase, StoredDefinition } from '../../db/index.ts';
import { demarches, demarcheVersions } from '../../db/index.ts';
import { readStoredDefinition } from '../demarches/readStoredDefinition.ts';

/** A published version and the démarche it belongs to. */
export interface PublishedVersion {
  demarcheId: string;
  slug: string;
  title: string;
  version: number;
  definition: DemarcheDefinition;
}

// Published versions are immutable (a trigger refuses UPDATE), so a process may keep
// them: the same object comes back for every dossier of a version, and the engine,
// which caches its compiled schemas per definition object, compiles each version once.
// Bounded so a tenant with thousands of versions cannot grow the process without limit.
const CACHE_LIMIT = 500;
const cache = new Map<string, PublishedVersion>();

/**
 * The published version a dossier lives on, or null if there is none in this tenant.
 *
 * @example
 * const published = await loadPublishedVersion(db, tenantId, row.demarcheId, row.version);
 */
export async function loadPublishedVersion(
  db: AppDatabase,
  tenantId: string,
  demarcheId: string,
  version: number,
): Promise<PublishedVersion | null> {
  const key = `${tenantId}:${demarcheId}:${version}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const [row] = await db
    .select(versionColumns)
    .from(demarcheVersions)
    .innerJoin(demarches, sameDemarche)
    .where(
      and(
        eq(demarcheVersions.tenantId, tenantId),
        eq(demarcheVersions.demarcheId, demarcheId),
        eq(demarcheVersions.version, version),
      ),
    );
  return row === undefined ? null : remember(key, row);
}

/**
 * The latest published version of the démarche `slug`, where new dossiers start.
 *
 * @example
 * const published = await loadLatestVersion(db, tenantId, 'aide-sociale');
 */
export async function loadLatestVersion(
  db: AppDatabase,
  tenantId: string,
  slug: string,
): Promise<PublishedVersion | null> {
  const [row] = await db
    .select(versionColumns)
    .from(demarcheVersions)
    .innerJoin(demarches, sameDemarche)
    .where(and(eq(demarches.tenantId, tenantId), eq(demarches.slug, slug)))
    .orderBy(desc(demarcheVersions.version))
    .limit(1);
  if (row === undefined) return null;
  return remember(`${tenantId}:${row.demarcheId}:${row.version}`, row);
}

const versionColumns = {
  demarcheId: demarcheVersions.demarcheId,
  version: demarcheVersions.version,
  definition: demarcheVersions.definition,
  slug: demarches.slug,
  title: demarches.title,
};

const sameDemarche = and(
  eq(demarches.tenantId, demarcheVersions.tenantId),
  eq(demarches.id, demarcheVersions.demarcheId),
);

function remember(
  key: string,
  row: {
    demarcheId: string;
    version: number;
    definition: StoredDefinition;
    slug: string;
    title: string;
  },
): PublishedVersion {
  const existing = cache.get(key);
  if (existing !== undefined) return existing;
  const published: PublishedVersion = {
    ...row,
    definition: readStoredDefinition(row.definition, key),
  };
  if (cache.size >= CACHE_LIMIT) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(key, published);
  return published;
}
