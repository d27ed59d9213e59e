import { isDeepStrictEqual } from 'node:util';
import { ajvErrorsToFieldErrors } from '../../../shared/engine/index.ts';
import { checkRules, computedFieldNames, parisDate } from '../../../shared/expressions/index.ts';
import { err, ok, type Result } from '../../../shared/result.ts';
import { dossierEvents, dossiers } from '../../db/index.ts';
import type { DomainError } from '../core/domainError.ts';
import { auditDenial } from './auditDenial.ts';
import { checkAttachedFiles } from './checkAttachedFiles.ts';
import type { DossierContext } from './dossierContext.ts';
import { draftValidator } from './draftValidator.ts';
import { canEdit, editableFields } from './editableFields.ts';
import { staleRevision } from './engineErrorToDomain.ts';
import { inTransaction } from './inTransaction.ts';
import { checkJsonLimits } from './jsonLimits.ts';
import { lastChangeOf } from './lastChange.ts';
import { loadDossier, sameDossier } from './loadDossier.ts';
import { mergeDraft } from './mergeDraft.ts';
import { settleServerOwnedFields } from './serverOwnedFields.ts';
import { sourcedValueErrors } from './sourcedValues.ts';

/** Largest form data a dossier may hold (docs/SECURITY.md §13): refused whole, nothing written. */
export const MAX_DATA_BYTES = 1024 * 1024;

export interface SaveDraftInput {
  id: string;
  /**
   * The top-level fields to change (`mergeDraft`): absent ones are kept, `null` clears
   * one, lists and nested objects are replaced whole. Sending the whole form works too.
   */
  data: Record<string, unknown>;
  /** The revision the caller loaded or last saved. */
  revision: number;
}

export interface SaveDraftResult {
  id: string;
  revision: number;
  /** Top-level fields this save changed, exactly; empty when nothing changed. */
  savedFields: string[];
  /**
   * The form's own rules (`form.rules`) that the saved data fails, with the admin's
   * messages by field: a warning only, the draft is saved; the submission will refuse
   * them. Absent when every rule passes.
   */
  warnings?: Record<string, string[]>;
}

/**
 * Autosave: applies the sent fields to the dossier's data (`mergeDraft`: the others are
 * kept) if the caller still has the current revision (else STALE_REVISION and nothing is
 * overwritten), may edit every changed field in the current state (`editable` rules), the
 * merged answers have the right types and stay under the size limit, and the file fields
 * that changed name only files of this dossier uploaded for them (`checkAttachedFiles`),
 * and the changed choices from a data source are entries of it (`sourcedValueErrors`).
 * The event
 * `data_saved` keeps before/after of each changed field: the log is the audit trail,
 * and a history showing only field names could not tell what an applicant changed
 * after a request for complement. Saving unchanged data writes nothing. Computed
 * fields are calculated here and overwrite what the client sent; `readOnly` fields
 * cannot be changed (`settleServerOwnedFields`).
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
  const result = await inTransaction<SaveDraftResult, DomainError>(context.db, async (tx) => {
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
    // The sent fields merged over the stored ones (`mergeDraft`), then what the server owns:
    // computed values recomputed, a changed `readOnly` field refused.
    const settled = settleServerOwnedFields(
      published.definition,
      row.data,
      mergeDraft(row.data, input.data).data,
      context.now,
    );
    if (!settled.ok) return settled;
    const data = settled.value;
    const changed = changedFields(row.data, data);
    // A computed field changes with the fields it reads, which are checked themselves.
    const computed = computedFieldNames(published.definition);
    const locked = changed.filter((field) => !computed.has(field) && !canEdit(editable, field));
    if (locked.length > 0) {
      return err({
        code: 'FIELD_NOT_EDITABLE',
        message: 'Certains champs ne peuvent pas être modifiés à cette étape.',
        fieldErrors: Object.fromEntries(
          locked.map((field) => [field, ['Ce champ ne peut pas être modifié à cette étape.']]),
        ),
      });
    }
    const mergedSize = checkJsonLimits(data, {
      what: 'Le formulaire',
      maxBytes: MAX_DATA_BYTES,
    });
    if (!mergedSize.ok) return mergedSize;
    const validate = draftValidator(published.definition);
    if (!validate(data)) {
      return err({
        code: 'INVALID_DATA',
        message: 'Certaines réponses n’ont pas le bon format.',
        fieldErrors: ajvErrorsToFieldErrors(validate.errors),
      });
    }
    const failures = checkRules(published.definition, data, parisDate(context.now));
    const warnings = Object.keys(failures).length === 0 ? {} : { warnings: failures };
    if (changed.length === 0) {
      return ok({ id: row.id, revision: row.revision, savedFields: [], ...warnings });
    }
    const fileErrors = await checkAttachedFiles(tx, {
      tenantId: row.tenantId,
      dossierId: row.id,
      schema: published.definition.form.schema,
      data,
      onlyUnder: changed,
    });
    if (Object.keys(fileErrors).length > 0) {
      return err({
        code: 'INVALID_DATA',
        message: 'Certains fichiers joints ne peuvent pas être acceptés.',
        fieldErrors: fileErrors,
      });
    }
    // A choice from a data source must be an entry of that source (docs/SECURITY.md §101).
    const choiceErrors = await sourcedValueErrors(
      tx,
      context,
      row.tenantId,
      published.definition,
      data,
      changed,
    );
    if (Object.keys(choiceErrors).length > 0) {
      return err({
        code: 'INVALID_DATA',
        message: 'Certaines réponses ne figurent pas dans la liste proposée.',
        fieldErrors: choiceErrors,
      });
    }
    const revision = row.revision + 1;
    await tx
      .update(dossiers)
      .set({ data, revision, updatedAt: context.now })
      .where(sameDossier(row));
    const changes = Object.fromEntries(
      changed.map((field) => [
        field,
        { before: row.data[field] ?? null, after: data[field] ?? null },
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
    return ok({ id: row.id, revision, savedFields: changed, ...warnings });
  });
  if (!result.ok) await auditDenial(context, input.id, result.error);
  return result;
}

/** Top-level fields added, removed or changed, in a stable order. */
function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...fields].filter((field) => !isDeepStrictEqual(before[field], after[field])).sort();
}
