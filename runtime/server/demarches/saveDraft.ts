import { err, ok, type Result } from '../../../shared/result.ts';
import type { StoredDefinition } from '../../db/schema/demarches.ts';
import type { DomainError } from '../core/domainError.ts';
import { checkDefinition } from './checkDefinition.ts';
import { demarcheErrors } from './demarcheErrors.ts';
import { findDemarche, updateDraftIfRevision } from './demarcheQueries.ts';
import type { SavedDraft } from './demarcheTypes.ts';
import { draftInCurrentFormat } from './draftInCurrentFormat.ts';
import type { DemarcheServiceContext } from './serviceContext.ts';

/** Largest draft stored, as UTF-8 JSON: far above any real démarche, far below abuse. */
export const MAX_DRAFT_BYTES = 1_000_000;

export interface SaveDraftInput {
  id: string;
  draft: StoredDefinition;
  /** The revision the editor loaded or last saved; the save applies only on top of it. */
  revision: number;
}

/**
 * Stores the designer's draft, valid or not — an admin must never lose work to a
 * validation error — and returns its problems and lint findings for the lint panel.
 * Optimistic concurrency: the write happens only if the stored revision is still
 * `revision`; otherwise STALE_REVISION with the current revision in `details` and the
 * stored draft untouched, so whoever saved first keeps their work.
 *
 * @example
 * const saved = await saveDraft(ctx, { id, draft, revision: 3 });
 * if (saved.ok) editor.revision = saved.value.draftRevision; // 4
 */
export async function saveDraft(
  ctx: DemarcheServiceContext,
  input: SaveDraftInput,
): Promise<Result<SavedDraft, DomainError>> {
  const bytes = Buffer.byteLength(JSON.stringify(input.draft), 'utf8');
  if (bytes > MAX_DRAFT_BYTES) return err(demarcheErrors.draftTooLarge(bytes, MAX_DRAFT_BYTES));
  const draft = draftInCurrentFormat(input.draft);
  const saved = await ctx.db.transaction(async (tx) => {
    const updated = await updateDraftIfRevision(tx, ctx.scope, { ...input, draft, now: ctx.now });
    if (updated) return ok(updated);
    const current = await findDemarche(tx, ctx.scope, input.id);
    return err(
      current ? demarcheErrors.staleRevision(current.draftRevision) : demarcheErrors.notFound(),
    );
  });
  if (!saved.ok) return saved;
  // Checked after the commit: validation is CPU work that must not hold the row lock.
  const { definition: _loaded, ...check } = checkDefinition(draft, saved.value, ctx.now);
  return ok({
    draftRevision: saved.value.draftRevision,
    updatedAt: saved.value.updatedAt.toISOString(),
    ...check,
  });
}
