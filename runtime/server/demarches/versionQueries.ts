import { and, desc, eq } from 'drizzle-orm';
import { demarcheVersions, type StoredDefinition } from '../../db/schema/demarches.ts';
import type { TenantScope } from '../../db/tenancy/tenantScope.ts';
import type { AppDatabase } from '../../db/types.ts';

/**
 * SQL on `demarche_versions` (and the audit row of a publish), confined to the scope's
 * tenant. There is deliberately no update or delete here: published versions are
 * immutable, and the database refuses an UPDATE anyway (trigger of migration 0001).
 */

export type VersionRow = typeof demarcheVersions.$inferSelect;
export type VersionSummaryRow = Omit<
  VersionRow,
  'tenantId' | 'demarcheId' | 'definition' | 'referencePrefix'
>;

const summaryColumns = {
  version: demarcheVersions.version,
  publishedAt: demarcheVersions.publishedAt,
  publishedBy: demarcheVersions.publishedBy,
};

export async function listVersionRows(
  db: AppDatabase,
  scope: TenantScope,
  demarcheId: string,
): Promise<VersionSummaryRow[]> {
  return db
    .select(summaryColumns)
    .from(demarcheVersions)
    .where(scope.where(demarcheVersions, eq(demarcheVersions.demarcheId, demarcheId)))
    .orderBy(desc(demarcheVersions.version));
}

/** One version, or the latest when `version` is absent. */
export async function findVersion(
  db: AppDatabase,
  scope: TenantScope,
  demarcheId: string,
  version?: number,
): Promise<VersionRow | undefined> {
  const [row] = await db
    .select()
    .from(demarcheVersions)
    .where(
      scope.where(
        demarcheVersions,
        and(
          eq(demarcheVersions.demarcheId, demarcheId),
          version === undefined ? undefined : eq(demarcheVersions.version, version),
        ),
      ),
    )
    .orderBy(desc(demarcheVersions.version))
    .limit(1);
  return row;
}

/**
 * Inserts a version. Two concurrent publishes may both pick the same number: the primary
 * key (tenant, démarche, version) lets exactly one in and fails the other (23505).
 */
export async function insertVersion(
  db: AppDatabase,
  scope: TenantScope,
  row: {
    demarcheId: string;
    version: number;
    definition: StoredDefinition;
    publishedAt: Date;
    publishedBy: string;
  },
): Promise<VersionSummaryRow> {
  const [inserted] = await db
    .insert(demarcheVersions)
    .values(scope.values(row))
    .returning(summaryColumns);
  return inserted!;
}
