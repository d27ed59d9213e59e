import { err, ok, type Result } from '../../../shared/result.ts';
import type { StoredDefinition } from '../../db/schema/demarches.ts';
import type { DomainError } from '../core/domainError.ts';
import { isUniqueViolation } from '../core/sqlState.ts';
import { auditDemarche } from './auditDemarche.ts';
import { demarcheErrors } from './demarcheErrors.ts';
import { findUnitIdByCode, insertDemarche } from './demarcheQueries.ts';
import type { DemarcheDetail } from './demarcheTypes.ts';
import { initialDraft } from './initialDraft.ts';
import type { DemarcheServiceContext } from './serviceContext.ts';
import { toDemarcheDetail } from './toDemarcheDetail.ts';

export interface CreateDemarcheInput {
  slug: string;
  title: string;
  /** Code of a unit of the tenant. */
  ownerUnit?: string | undefined;
}

/**
 * Creates a démarche whose draft is the valid skeleton of `initialDraft`, at revision 0,
 * with no version yet. The slug is unique per tenant: the unique key decides, so two
 * admins creating the same slug at once get one démarche and one SLUG_TAKEN.
 *
 * @example
 * const created = await createDemarche(ctx, { slug: 'carte-resident', title: 'Carte de résident' });
 * if (created.ok) created.value.draftRevision; // 0
 */
export async function createDemarche(
  ctx: DemarcheServiceContext,
  input: CreateDemarcheInput,
): Promise<Result<DemarcheDetail, DomainError>> {
  try {
    return await ctx.db.transaction(async (tx) => {
      let ownerUnitId: string | null = null;
      if (input.ownerUnit !== undefined) {
        const found = await findUnitIdByCode(tx, ctx.scope, input.ownerUnit);
        if (found === undefined) return err(demarcheErrors.unknownUnit(input.ownerUnit));
        ownerUnitId = found;
      }
      const draft = initialDraft(input) as unknown as StoredDefinition;
      const row = await insertDemarche(tx, ctx.scope, {
        slug: input.slug,
        title: input.title,
        ownerUnitId,
        draft,
      });
      await auditDemarche(tx, ctx, 'demarche.create', row.id, { slug: row.slug });
      return ok(toDemarcheDetail(row, []));
    });
  } catch (error) {
    if (isUniqueViolation(error, 'demarches_tenant_slug_key')) {
      return err(demarcheErrors.slugTaken(input.slug));
    }
    throw error;
  }
}
