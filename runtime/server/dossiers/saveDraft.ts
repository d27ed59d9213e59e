import { isDeepStrictEqual } from 'node:util';
import { ajvErrorsToFieldErrors } from '../../../shared/engine/index.ts';
import { err, ok, type Result } from '../../../shared/result.ts';
import { dossierEvents, dossiers } from '../../db/index.ts';
import type { DomainError } from '../trpc/domainError.ts';
import { auditDenial } from './auditDenial.ts';
import type { DossierContext } from './dossierContext.ts';
import { draftValidator } from './draftValidator.ts';
import { canEdit, editableFields } from './editableFields.ts';
import { staleRevision } from './engineErrorToDomain.ts';
import { inTransaction } from './inTransaction.ts';
import { checkJsonLimits } from './jsonLimits.ts';
import { lastChangeOf } from './lastChange.ts';
import { loadDossier, sameDossier } from './loadDossier.ts';

/** Largest form data a dossier may hold (SECURITY §13): refused whole, nothing written. */
export const MAX_DATA_BYTES = 1024 * 1024;

export interface SaveDraftInput {
  id: string;
  /** The whole form data as the caller now has it (RJSF's `formData`). */
  data: Record<string, unknown>;
  /** The revision the caller loaded or last saved. */
  revision: number;
}

export interface SaveDraftResult {
  id: string;
  revision: number;
  /** Top-level fields that changed; empty when the data was already saved. */
  savedFields: string[];
}

/**
 * Autosave: replaces the dossier's data if the caller still has the current revision
 * (else STALE_REVISION and nothing is overwritten), may edit every changed field in the
 * current state (`editable` rules), and the answers have the right types. The event
 * `data_saved` keeps before/after of each changed field: the log is the audit trail,
 * and a history showing only field names could not tell what an applicant changed
 * after a request for complement. Saving unchanged data writes nothing.
 *
 * @example
 * const saved = await saveDraft(context, { id, data: { nom: 'Dupont' }, revision: 0 });
 * if (saved.ok) revision = saved.value.revision;
 */
export async function saveDraft(
  context: DossierContext,
  input: SaveDraftInput,
): Promise<Result<SaveDraftResult, DomainError>> {
  const bounded = checkJsonLimits(input.data, { what: 'Le formulaire', maxBytes: MAX_DATA_BYTES });
  if (!bounded.ok) return bounded;
  const result = await inTransaction(context.db, async (tx) => {
    const loaded = await loadDossier(tx, context.session, input.id, { forUpdate: true });
    if (!loaded.ok) return loaded;
    const { row, published, state } = loaded.value;
    if (row.revision !== input.revision) {
      const stale = staleRevision(input.revision, row.revision);
      const lastChange = await lastChangeOf(tx, row.tenantId, row.id);
      return err({ ...stale, details: { ...stale.details, lastChange } });
    }
    const editable = editableFields(state, context.session, row.applicantId);
    if (editable !== '*' && editable.size === 0) {
      return err({
        code: 'NOT_EDITABLE',
        message: 'Ce dossier ne peut pas être modifié à cette étape.',
      });
    }
    const changed = changedFields(row.data, input.data);
    const locked = changed.filter((field) => !canEdit(editable, field));
    if (locked.length > 0) {
      return err({
        code: 'FIELD_NOT_EDITABLE',
        message: 'Certains champs ne peuvent pas être modifiés à cette étape.',
        fieldErrors: Object.fromEntries(
          locked.map((field) => [field, ['Ce champ ne peut pas être modifié à cette étape.']]),
        ),
      });
    }
    const validate = draftValidator(published.definition);
    if (!validate(input.data)) {
      return err({
        code: 'INVALID_DATA',
        message: 'Certaines réponses n’ont pas le bon format.',
        fieldErrors: ajvErrorsToFieldErrors(validate.errors),
      });
    }
    if (changed.length === 0) return ok({ id: row.id, revision: row.revision, savedFields: [] });
    const revision = row.revision + 1;
    await tx
      .update(dossiers)
      .set({ data: input.data, revision, updatedAt: context.now })
      .where(sameDossier(row));
    const changes = Object.fromEntries(
      changed.map((field) => [
        field,
        { before: row.data[field] ?? null, after: input.data[field] ?? null },
      ]),
    );
    await tx.insert(dossierEvents).values({
      tenantId: row.tenantId,
      dossierId: row.id,
      type: 'data_saved',
      actorId: context.session.userId,
      at: context.now,
      payload: { changes, revision },
      requestId: context.requestId,
    });
    return ok({ id: row.id, revision, savedFields: changed });
  });
  if (!result.ok) await auditDenial(context, input.id, result.error);
  return result;
}

/** Top-level fields added, removed or changed, in a stable order. */
function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...fields].filter((field) => !isDeepStrictEqual(before[field], after[field])).sort();
}
