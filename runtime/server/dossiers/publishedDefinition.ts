import { and, desc, eq } from 'drizzle-orm';
import type { AppDatabase, StoredDefinition } from '../../db/index.ts';
import { demarches, demarcheVersions } from '../../db/index.ts';
import type { PublishedVersion, PublishedVersions } from '../core/publishedVersions.ts';
import { readStoredDefinition } from '../demarches/index.ts';

export type { PublishedVersion, PublishedVersions } from '../core/publishedVersions.ts';

/** Enough for every live version of a large instance; the least recently read goes first. */
export const PUBLISHED_VERSIONS_LIMIT = 500;

/**
 * The published-versions service: one per process (`processPublishedVersions`), or one of
 * its own in a test. The same object comes back for every dossier of a version, so the
 * engine, which caches its compiled schemas per definition object, compiles each version
 * once. Bounded (least recently used out first) so a tenant with thousands of versions
 * cannot grow the process without limit.
 *
 * @example
 * const versions = createPublishedVersions({ limit: 2 });
 * const published = await versions.get(db, tenantId, demarcheId, 3);
 */
export function createPublishedVersions(options: { limit: number }): PublishedVersions {
  const cache = new Map<string, PublishedVersion>();
  function recall(key: string): PublishedVersion | undefined {
    const found = cache.get(key);
    if (found === undefined) return undefined;
    // Map keeps insertion order: re-inserting makes it the most recently used.
    cache.delete(key);
    cache.set(key, found);
    return found;
  }
  function remember(key: string, row: VersionRow): PublishedVersion {
    const existing = recall(key);
    if (existing !== undefined) return existing;
    const published: PublishedVersion = {
      ...row,
      definition: readStoredDefinition(row.definition, key),
    };
    if (cache.size >= options.limit) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
    cache.set(key, published);
    return published;
  }
  return {
    async get(db, tenantId, demarcheId, version) {
      const key = `${tenantId}:${demarcheId}:${version}`;
      const cached = recall(key);
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
    },
    async latest(db, tenantId, slug) {
      const [row] = await db
        .select(versionColumns)
        .from(demarcheVersions)
        .innerJoin(demarches, sameDemarche)
        .where(and(eq(demarches.tenantId, tenantId), eq(demarches.slug, slug)))
        .orderBy(desc(demarcheVersions.version))
        .limit(1);
      if (row === undefined) return null;
      return remember(`${tenantId}:${row.demarcheId}:${row.version}`, row);
    },
  };
}

/** This process's published versions, shared by every feature (and `ServerDeps`). */
export const processPublishedVersions = createPublishedVersions({
  limit: PUBLISHED_VERSIONS_LIMIT,
});

/**
 * The published version a dossier lives on, or null if there is none in this tenant.
 *
 * @example
 * const published = await loadPublishedVersion(db, tenantId, row.demarcheId, row.version);
 */
export function loadPublishedVersion(
  db: AppDatabase,
  tenantId: string,
  demarcheId: string,
  version: number,
): Promise<PublishedVersion | null> {
  return processPublishedVersions.get(db, tenantId, demarcheId, version);
}

/**
 * The latest published version of the démarche `slug`, where new dossiers start.
 *
 * @example
 * const published = await loadLatestVersion(db, tenantId, 'aide-sociale');
 */
export function loadLatestVersion(
  db: AppDatabase,
  tenantId: string,
  slug: string,
): Promise<PublishedVersion | null> {
  return processPublishedVersions.latest(db, tenantId, slug);
}

interface VersionRow {
  demarcheId: string;
  version: number;
  definition: StoredDefinition;
  slug: string;
  title: string;
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
