import type { ErrorObject } from 'ajv';
import type { CompiledSchemas } from './compileSchemas.ts';
import { pageVisibility, withoutFields } from './pageVisibility.ts';
import { aboutHidden } from './submissionCheck.ts';

export type PageCheck =
  | { kind: 'unknown-page' }
  | { kind: 'hidden' }
  | { kind: 'checked'; errors: ErrorObject[] };

/**
 * What keeps the citizen from leaving page `pageId` with `data`: the form's errors on the
 * page's own fields (a required field left empty, a wrong SIRET…) and the page's `checks`.
 * Errors on other pages' fields wait for those pages. A page hidden for this data has
 * nothing to check. Pure, like `checkSubmission`, which runs the same checks at the end.
 *
 * @example
 * const checked = checkPage(compiled.schemas, 'ressources', data);
 * if (checked.kind === 'checked' && checked.errors.length > 0) stayOnPage(checked.errors);
 */
export function checkPage(
  schemas: CompiledSchemas,
  pageId: string,
  data: Record<string, unknown>,
): PageCheck {
  const page = schemas.pages.find((candidate) => candidate.id === pageId);
  if (page === undefined) return { kind: 'unknown-page' };
  const { visible, hiddenFields } = pageVisibility(schemas.pages, data);
  if (!visible.has(page.id)) return { kind: 'hidden' };
  const kept = withoutFields(data, hiddenFields);
  const onPage = new Set(page.fields);
  const errors: ErrorObject[] = [];
  if (!schemas.form(kept)) {
    for (const error of schemas.form.errors ?? []) {
      if (!aboutHidden(error, hiddenFields) && concernsPage(error, onPage)) errors.push(error);
    }
  }
  if (page.checks !== null && !page.checks(kept)) errors.push(...(page.checks.errors ?? []));
  return { kind: 'checked', errors };
}

/** Whether an error of the form schema is about one of the page's fields. */
function concernsPage(error: ErrorObject, fields: ReadonlySet<string>): boolean {
  if (error.instancePath === '') {
    const missing = (error.params as { missingProperty?: unknown }).missingProperty;
    return typeof missing === 'string' && fields.has(missing);
  }
  const top = error.instancePath.split('/')[1] ?? '';
  return fields.has(top.replaceAll('~1', '/').replaceAll('~0', '~'));
}
