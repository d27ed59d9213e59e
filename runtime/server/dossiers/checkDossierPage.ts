import { checkPage, compileDefinition } from '../../../shared/engine/index.ts';
import { checkRules, computeValues, parisDate } from '../../../shared/expressions/index.ts';
import { ajvErrorsToFieldErrors, type FieldErrors } from '../../../shared/form/index.ts';
import { err, ok, type Result } from '../../../shared/result.ts';
import type { DomainError } from '../core/domainError.ts';
import { auditDenial } from './auditDenial.ts';
import type { DossierContext } from './dossierContext.ts';
import { loadDossier } from './loadDossier.ts';

export interface CheckPageInput {
  id: string;
  /** The id of a page of the dossier's form (`form.pages[].id`). */
  page: string;
}

export interface CheckPageResult {
  page: string;
  /** False when the page's condition hides it for the saved answers: nothing to check. */
  visible: boolean;
  /** French messages keyed by field path; empty when the citizen may leave the page. */
  fieldErrors: FieldErrors;
}

/**
 * The check run when the citizen leaves a page, on the SAVED answers (the form saves the
 * page first): the form schema and the form's rules (`form.rules`, with computed values
 * and the server's day) on the page's own fields, and the page's `checks` — the same ones
 * the submission runs again. Writes nothing.
 *
 * @example
 * const checked = await checkDossierPage(context, { id, page: 'ressources' });
 * if (checked.ok && Object.keys(checked.value.fieldErrors).length > 0) stay();
 */
export async function checkDossierPage(
  context: DossierContext,
  input: CheckPageInput,
): Promise<Result<CheckPageResult, DomainError>> {
  const loaded = await loadDossier(context.db, context.session, input.id);
  if (!loaded.ok) {
    await auditDenial(context, input.id, loaded.error);
    return err(loaded.error);
  }
  const { row, published } = loaded.value;
  const { schemas } = compileDefinition(published.definition);
  const checked = checkPage(schemas, input.page, row.data);
  if (checked.kind === 'unknown-page') {
    return err({
      code: 'NOT_FOUND',
      message: `Le formulaire de ce dossier n’a pas de page « ${input.page} ».`,
    });
  }
  if (checked.kind === 'hidden') return ok({ page: input.page, visible: false, fieldErrors: {} });
  const fieldErrors = ajvErrorsToFieldErrors(checked.errors);
  // The admin's cross-field rules (an age on the day, an end after a start) about the
  // page's fields: told on leaving the page, not only at the submission.
  const today = parisDate(context.now);
  const definition = published.definition;
  const data =
    (definition.computed ?? []).length === 0
      ? row.data
      : computeValues(definition, row.data, today);
  const onPage = new Set(definition.form.pages?.find((page) => page.id === input.page)?.fields);
  for (const [field, messages] of Object.entries(checkRules(definition, data, today))) {
    if (!onPage.has(field.split('/')[0] ?? field)) continue;
    const known = fieldErrors[field] ?? [];
    fieldErrors[field] = [...known, ...messages.filter((message) => !known.includes(message))];
  }
  return ok({ page: input.page, visible: true, fieldErrors });
}
