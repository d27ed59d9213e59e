import { and, asc, eq, sql } from 'drizzle-orm';
import { type DemarcheDefinition, unitReferences } from '../../../shared/definition/index.ts';
import { err, ok, type Result } from '../../../shared/result.ts';
import { demarches, demarcheVersions, tenantScope, units } from '../../db/index.ts';
import type { DomainError } from '../core/domainError.ts';
import type { UnitContext } from './unitContext.ts';
import { unitNotFound } from './unitErrors.ts';

export interface PublishedUse {
  demarcheId: string;
  title: string;
  slug: string;
  /** The published versions that name the unit (dossiers on older ones still route by them). */
  versions: number[];
}

/**
 * The published démarches that name a unit (owner, routing, state owner, assignment:
 * `unitReferences`), for the warning the studio shows before archiving it: once archived,
 * their dossiers are no longer routed to it (docs/SECURITY.md §116). Every version counts,
 * since a dossier stays on the version it was started on. Versions whose text does not
 * even contain the code are skipped in SQL; the others are read as the format says.
 *
 * @example
 * await publishedUses(context, { id });
 * // [{ demarcheId, title: 'Aide sociale', slug: 'aide-sociale', versions: [1, 2] }]
 */
export async function publishedUses(
  context: UnitContext,
  input: { id: string },
): Promise<Result<PublishedUse[], DomainError>> {
  const scope = tenantScope(context.session.tenantId);
  const [unit] = await context.db
    .select({ code: units.code })
    .from(units)
    .where(scope.where(units, eq(units.id, input.id)));
  if (!unit) return err(unitNotFound());
  const rows = await context.db
    .select({
      demarcheId: demarcheVersions.demarcheId,
      version: demarcheVersions.version,
      definition: demarcheVersions.definition,
      title: demarches.title,
      slug: demarches.slug,
    })
    .from(demarcheVersions)
    .innerJoin(
      demarches,
      and(
        eq(demarches.tenantId, demarcheVersions.tenantId),
        eq(demarches.id, demarcheVersions.demarcheId),
      ),
    )
    .where(
      scope.where(
        demarcheVersions,
        sql`strpos(${demarcheVersions.definition}::text, ${JSON.stringify(unit.code)}) > 0`,
      ),
    )
    .orderBy(asc(demarches.title), asc(demarcheVersions.version));
  const uses = new Map<string, PublishedUse>();
  for (const row of rows) {
    const definition = row.definition as unknown as DemarcheDefinition;
    if (!unitReferences(definition).some((reference) => reference.code === unit.code)) continue;
    const use = uses.get(row.demarcheId) ?? {
      demarcheId: row.demarcheId,
      title: row.title,
      slug: row.slug,
      versions: [],
    };
    use.versions.push(row.version);
    uses.set(row.demarcheId, use);
  }
  return ok([...uses.values()]);
}
