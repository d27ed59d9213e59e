import { type SQL, sql } from 'drizzle-orm';
import type { PgColumn, SelectedFields } from 'drizzle-orm/pg-core';
import { demarches, demarcheVersions } from '../../db/schema/demarches.ts';
import type { TenantScope } from '../../db/tenancy/tenantScope.ts';
import type { AppDatabase } from '../../db/types.ts';

/**
 * The latest published version of the outer query's démarche, as a lateral subquery
 * `latest` with the given columns: join it with `leftJoinLateral(latest, sql\`true\`)`
 * (every démarche) or `innerJoinLateral` (published ones only).
 *
 * @example
 * const latest = latestVersionOf(db, scope, { version: demarcheVersions.version });
 * db.select({ slug: demarches.slug, version: latest.version }).from(demarches)
 *   .innerJoinLateral(latest, sql`true`);
 */
export function latestVersionOf<Fields extends Record<string, PgColumn | SQL.Aliased>>(
  db: AppDatabase,
  scope: TenantScope,
  fields: Fields & SelectedFields,
) {
  return db
    .select(fields)
    .from(demarcheVersions)
    .where(scope.where(demarcheVersions, sql`${demarcheVersions.demarcheId} = ${demarches.id}`))
    .orderBy(sql`${demarcheVersions.version} desc`)
    .limit(1)
    .as('latest');
}
