import type { DemarcheDefinition } from '../../../shared/definition/types.ts';
import { demarches, demarcheVersions } from '../../db/schema/demarches.ts';
import type { AppDatabase } from '../../db/types.ts';

/**
 * Inserts a démarche whose draft is `definition`, published as version 1 — for seeds
 * (the demo tenant, test worlds) that start from a known-valid definition rather than
 * going through the designer's publish flow.
 *
 * @example
 * const { id } = await insertPublishedDemarche(tx, tenantId, socialAidDefinition);
 */
export async function insertPublishedDemarche(
  db: AppDatabase,
  tenantId: string,
  definition: DemarcheDefinition,
): Promise<{ id: string; slug: string; version: number }> {
  // Spread: the stored column is a plain JSON record, not the interface.
  const stored = { ...definition };
  const [demarche] = await db
    .insert(demarches)
    .values({ tenantId, slug: stored.meta.slug, title: stored.meta.title, draft: stored })
    .returning({ id: demarches.id });
  await db
    .insert(demarcheVersions)
    .values({ tenantId, demarcheId: demarche!.id, version: 1, definition: stored });
  return { id: demarche!.id, slug: stored.meta.slug, version: 1 };
}
