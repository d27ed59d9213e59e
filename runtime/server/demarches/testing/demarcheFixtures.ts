import { randomUUID } from 'node:crypto';
import type { DemarcheDefinition } from '../../../../shared/definition/index.ts';
import { socialAidDefinition } from '../../../../shared/testing/socialAidDefinition.ts';
import type { StoredDefinition } from '../../../db/schema/demarches.ts';
import { tenantScope } from '../../../db/tenancy/tenantScope.ts';
import type { AppDatabase } from '../../../db/types.ts';
import { expectOk } from '../../testing/expectResult.ts';
import { seedTenant } from '../../testing/seedTenant.ts';
import { createDemarche } from '../createDemarche.ts';
import { saveDraft } from '../saveDraft.ts';
import type { DemarcheServiceContext } from '../serviceContext.ts';

/**
 * The service context of a staff member of `tenantId`, as a procedure would build it
 * from the session.
 *
 * @example
 * const ctx = staffContext(database().db, { tenantId: world.tenantId, userId: world.accounts.admin.id });
 */
export function staffContext(
  db: AppDatabase,
  who: { tenantId: string; userId: string; now?: Date },
): DemarcheServiceContext {
  return {
    db,
    scope: tenantScope(who.tenantId),
    userId: who.userId,
    requestId: `test-${randomUUID()}`,
    now: who.now ?? new Date(),
  };
}

/**
 * `socialAidDefinition` (valid, lint-clean) under another slug, as a fresh copy the test
 * may edit; `edit` changes it in place before it is returned.
 *
 * @example
 * const broken = socialAidAs('aide-logement', (d) => { d.workflow.initialState = 'nulle_part'; });
 */
export function socialAidAs(
  slug: string,
  edit: (definition: DemarcheDefinition) => void = () => {},
): StoredDefinition {
  const definition = structuredClone(socialAidDefinition);
  definition.meta.slug = slug;
  edit(definition);
  return definition as unknown as StoredDefinition;
}

/** A slug no other test of the run uses. */
export function uniqueSlug(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

// One pair of Result helpers for every service test.
export { expectErr, expectOk } from '../../testing/expectResult.ts';

/**
 * A new seeded tenant and its admin's service context.
 *
 * @example
 * const { world, ctx } = await adminOfNewTenant(database().db);
 */
export async function adminOfNewTenant(db: AppDatabase) {
  const world = await seedTenant(db);
  const ctx = staffContext(db, { tenantId: world.tenantId, userId: world.accounts.admin.id });
  return { world, ctx };
}

/**
 * A new démarche whose draft (revision 1) is `socialAidAs` edited by `edit`, ready to
 * publish: the first steps of every publish-refusal test.
 *
 * @example
 * const id = await savedSocialAidVariant(ctx, (d) => { d.routing[0]!.unit = 'inconnue'; });
 * const refused = expectErr(await publishDemarche(ctx, { id, revision: 1 }));
 */
export async function savedSocialAidVariant(
  ctx: DemarcheServiceContext,
  edit: (definition: DemarcheDefinition) => void,
): Promise<string> {
  const slug = uniqueSlug('aide-sociale');
  const { id } = expectOk(await createDemarche(ctx, { slug, title: 'Aide sociale' }));
  expectOk(await saveDraft(ctx, { id, revision: 0, draft: socialAidAs(slug, edit) }));
  return id;
}
