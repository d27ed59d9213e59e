import type { ValidateFunction } from 'ajv';
import type Ajv2020 from 'ajv/dist/2020.js';
import type { FormPage } from '../definition/types.ts';

/** One page of the citizen form, its schemas compiled. */
export interface CompiledPage {
  id: string;
  /** Top-level fields shown on the page. */
  fields: readonly string[];
  /** Shown only when this passes; `null`: always shown. */
  condition: ValidateFunction | null;
  /** Must pass before leaving the page (and at submission); `null`: no check. */
  checks: ValidateFunction | null;
}

/**
 * Compiles each page's `condition` and `checks` on the definition's ajv instance, in page
 * order (the order in which the citizen walks them, on which `pageVisibility` relies).
 *
 * @example
 * const pages = compilePages(ajv, definition.form.pages);
 */
export function compilePages(ajv: Ajv2020, pages: readonly FormPage[] | undefined): CompiledPage[] {
  return (pages ?? []).map((page) => ({
    id: page.id,
    fields: page.fields,
    condition: page.condition === undefined ? null : ajv.compile(page.condition),
    checks: page.checks === undefined ? null : ajv.compile(page.checks),
  }));
}
