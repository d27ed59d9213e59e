import { err, ok, type Result } from '../../../shared/result.ts';
import type { AppDatabase } from '../../db/types.ts';
import type { DomainError } from '../core/domainError.ts';
import { auditDemarche } from './auditDemarche.ts';
import { demarcheErrors } from './demarcheErrors.ts';
import {
  type DemarcheRow,
  deleteDemarche,
  lockDemarche,
  updateDraftIfRevision,
} from './demarcheQueries.ts';
import type { DeletedDraft } from './demarcheTypes.ts';
import type { DemarcheServiceContext } from './serviceContext.ts';
import { findVersion, type VersionRow } from './versionQueries.ts';

export interface DeleteDraftInput {
  id: string;
  /** The draft revision the admin saw: nobody throws away changes they have not seen. */
  revision: number;
}

/**
 * The D of the draft's CRUD, in one transaction with its audit row:
 * - never published: the démarche itself is deleted, and its slug is free again;
 * - published: its versions stay (they are immutable and dossiers run on them); only the
 *   unpublished changes go — the draft becomes the latest version's definition again, at
 *   the next revision.
 * The row is locked first, so a concurrent save or publish waits and then sees the
 * outcome. Refused with nothing changed when the draft moved on since `revision`
 * (STALE_REVISION, current revision in `details`); another tenant's id is NOT_FOUND,
 * exactly like an id that never existed.
 *
 * @example
 * const done = await deleteDraft(ctx, { id, revision: detail.draftRevision });
 * if (done.ok && done.value.deleted === 'draft') editor.load(done.value.draft, done.value.draftRevision);
 */
export async function deleteDraft(
  ctx: DemarcheServiceContext,
  input: DeleteDraftInput,
): Promise<Result<DeletedDraft, DomainError>> {
  return ctx.db.transaction(async (tx) => {
    const row = await lockDemarche(tx, ctx.scope, { id: input.id });
    if (!row) return err(demarcheErrors.notFound());
    if (row.draftRevision !== input.revision) {
      return err(demarcheErrors.staleRevision(row.draftRevision));
    }
    const latest = await findVersion(tx, ctx.scope, row.id);
    return ok(
      latest
        ? await resetToVersion(tx, ctx, { row, latest })
        : await deleteUnpublished(tx, ctx, row),
    );
  });
}

async function deleteUnpublished(
  tx: AppDatabase,
  ctx: DemarcheServiceContext,
  row: DemarcheRow,
): Promise<DeletedDraft> {
  await deleteDemarche(tx, ctx.scope, row.id);
  // The row is gone: the audit keeps what named it.
  await auditDemarche(tx, ctx, 'demarche.delete', row.id, {
    slug: row.slug,
    title: row.title,
    revision: row.draftRevision,
  });
  return { deleted: 'demarche' };
}

async function resetToVersion(
  tx: AppDatabase,
  ctx: DemarcheServiceContext,
  { row, latest }: { row: DemarcheRow; latest: VersionRow },
): Promise<DeletedDraft> {
  const reset = await updateDraftIfRevision(tx, ctx.scope, {
    id: row.id,
    revision: row.draftRevision,
    draft: latest.definition,
    now: ctx.now,
  });
  // The row is locked and its revision checked above: nothing can have moved it.
  if (!reset) throw new Error(`guichet: démarche ${row.id} changed under its row lock`);
  await auditDemarche(tx, ctx, 'demarche.discardDraft', row.id, {
    version: latest.version,
    revision: row.draftRevision,
  });
  return {
    deleted: 'draft',
    version: latest.version,
    draft: latest.definition,
    draftRevision: reset.draftRevision,
    updatedAt: reset.updatedAt.toISOString(),
  };
}
