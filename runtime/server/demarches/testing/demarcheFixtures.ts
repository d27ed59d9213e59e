import { randomUUID } from 'node:crypto';
import type { DemarcheDefinition } from '../../../../shared/definition/index.ts';
import { socialAidDefinition } from '../../../../shared/testing/socialAidDefinition.ts';
import type { StoredDefinition } from '../../../db/schema/demarches.ts';
import { tenantScope } from '../../../db/tenancy/tenantScope.ts';
import type { AppDatabase } from '../../../db/types.ts';
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
