import type { ErrorObject } from 'ajv';
import type { CompiledSchemas } from './compileSchemas.ts';
import { pageVisibility, withoutFields } from './pageVisibility.ts';

export interface SubmissionCheck {
  /** The data to keep: without the fields of hidden pages (the same object if none). */
  data: Record<string, unknown>;
  /** Form and page-check errors; empty when the submission may go. */
  errors: ErrorObject[];
  /** The fields dropped because their pages are hidden, sorted. */
  dropped: string[];
}

/**
 * The check of a submission (a transition with `validateForm`): the data of pages hidden
 * by their `condition` is dropped — nothing the citizen was not shown reaches the agents —
 * and so is any requirement on it; the form schema then runs on what is left, and the
 * `checks` of every shown page. Pure: `allowedActions` and `apply` agree on it.
 *
 * @example
 * const checked = checkSubmission(compiled.schemas, dossier.data);
 * if (checked.errors.length > 0) refuse(ajvErrorsToFieldErrors(checked.errors));
 */
export function checkSubmission(
  schemas: CompiledSchemas,
  data: Record<string, unknown>,
): SubmissionCheck {
  const { visible, hiddenFields } = pageVisibility(schemas.pages, data);
  const kept = withoutFields(data, hiddenFields);
  const dropped = Object.keys(data)
    .filter((field) => hiddenFields.has(field))
    .sort();
  const errors: ErrorObject[] = [];
  if (!schemas.form(kept)) {
    errors.push(...(schemas.form.errors ?? []).filter((e) => !aboutHidden(e, hiddenFields)));
  }
  for (const page of schemas.pages) {
    if (page.checks === null || !visible.has(page.id) || page.checks(kept)) continue;
    errors.push(...(page.checks.errors ?? []));
  }
  return { data: kept, errors, dropped };
}

/** A requirement on a field of a hidden page: moot, the citizen was never asked. */
export function aboutHidden(error: ErrorObject, hidden: ReadonlySet<string>): boolean {
  if (hidden.size === 0) return false;
  if (error.keyword === 'required' || error.keyword === 'dependentRequired') {
    const missing = (error.params as { missingProperty?: unknown }).missingProperty;
    if (error.instancePath === '' && typeof missing === 'string' && hidden.has(missing)) {
      return true;
    }
  }
  const top = error.instancePath.split('/')[1];
  return top !== undefined && hidden.has(top.replaceAll('~1', '/').replaceAll('~0', '~'));
}
