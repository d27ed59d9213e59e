import { err, ok, type Result } from '../../../shared/result.ts';
import type { DomainError } from '../core/domainError.ts';
import { checkDefinition } from './checkDefinition.ts';
import { demarcheErrors } from './demarcheErrors.ts';
import { findDemarche } from './demarcheQueries.ts';
import type { DefinitionCheck } from './demarcheTypes.ts';
import type { DemarcheServiceContext } from './serviceContext.ts';

/**
 * Checks the stored draft as `publish` would, without publishing: structural problems,
 * lint diagnostics, and whether it could be published now.
 *
 * @example
 * const check = await validateDraft(ctx, id);
 * if (check.ok && !check.value.publishable) lintPanel.show(check.value.diagnostics);
 */
export async function validateDraft(
  ctx: DemarcheServiceContext,
  id: string,
): Promise<Result<DefinitionCheck, DomainError>> {
  const row = await findDemarche(ctx.db, ctx.scope, id);
  if (!row) return err(demarcheErrors.notFound());
  const { definition: _loaded, ...check } = checkDefinition(row.draft, row, ctx.now);
  return ok(check);
}
