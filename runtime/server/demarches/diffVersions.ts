import { err, ok, type Result } from '../../../shared/result.ts';
import type { StoredDefinition } from '../../db/schema/demarches.ts';
import type { TenantScope } from '../../db/tenancy/tenantScope.ts';
import type { AppDatabase } from '../../db/types.ts';
import type { DomainError } from '../core/domainError.ts';
import { demarcheErrors } from './demarcheErrors.ts';
import { findDemarche } from './demarcheQueries.ts';
import type { DiffSide, VersionDiff } from './demarcheTypes.ts';
import { diffDefinitions } from './diffDefinitions.ts';
import type { DemarcheServiceContext } from './serviceContext.ts';
import { findVersion } from './versionQueries.ts';

/**
 * What changed between two versions, or between a version and the current draft: a flat
 * list of changes with JSON pointers and before/after values (see `diffDefinitions`).
 *
 * @example
 * const diff = await diffVersions(ctx, { id, from: 1, to: 'draft' });
 * // ok({ from: 1, to: 'draft', changes: [{ kind: 'changed', path: '/meta/title', … }] })
 */
export async function diffVersions(
  ctx: DemarcheServiceContext,
  input: { id: string; from: DiffSide; to: DiffSide },
): Promise<Result<VersionDiff, DomainError>> {
  const documents = await ctx.db.transaction(async (tx) => {
    const row = await findDemarche(tx, ctx.scope, input.id);
    if (!row) return err(demarcheErrors.notFound());
    const from = await documentOf(tx, ctx.scope, { demarche: row, side: input.from });
    if (!from.ok) return from;
    const to = await documentOf(tx, ctx.scope, { demarche: row, side: input.to });
    if (!to.ok) return to;
    return ok({ from: from.value, to: to.value });
  });
  if (!documents.ok) return documents;
  const changes = diffDefinitions(documents.value.from, documents.value.to);
  return ok({ from: input.from, to: input.to, changes });
}

async function documentOf(
  tx: AppDatabase,
  scope: TenantScope,
  { demarche, side }: { demarche: { id: string; draft: StoredDefinition }; side: DiffSide },
): Promise<Result<StoredDefinition, DomainError>> {
  if (side === 'draft') return ok(demarche.draft);
  const version = await findVersion(tx, scope, demarche.id, side);
  return version ? ok(version.definition) : err(demarcheErrors.versionNotFound(side));
}
