import type { FormPage } from '../../shared/definition/index.ts';
import { compilePages } from '../../shared/engine/compilePages.ts';
import { pageVisibility } from '../../shared/engine/index.ts';
import { createFormAjv } from '../../shared/form/index.ts';

/** What the preview hides for the answers given so far. */
export interface PreviewPages {
  hiddenPages: string[];
  /** Fields only on hidden pages: the preview does not show them, as the citizen app. */
  hiddenFields: string[];
}

let compiled: { key: string; pages: ReturnType<typeof compilePages> } | undefined;

/**
 * The pages a citizen would see for `data` (`pageVisibility`, the engine's own rule): run
 * in the simulation worker, since compiling the conditions generates code the studio's
 * page may not run. The last draft's pages stay compiled, so typing an answer compiles
 * nothing; a page whose condition does not compile is shown (the linter names it).
 *
 * @example
 * previewPages(definition.form.pages, { situation: 'seul' });
 * // { hiddenPages: ['conjoint'], hiddenFields: ['nomConjoint'] }
 */
export function previewPages(
  pages: readonly FormPage[] | undefined,
  data: Readonly<Record<string, unknown>>,
): PreviewPages {
  if (!pages?.some((page) => page.condition !== undefined)) {
    return { hiddenPages: [], hiddenFields: [] };
  }
  const key = JSON.stringify(pages);
  if (compiled?.key !== key) {
    const ajv = createFormAjv();
    compiled = {
      key,
      pages: pages.map((page) => {
        try {
          return compilePages(ajv, [page])[0]!;
        } catch {
          return { id: page.id, fields: page.fields, condition: null, checks: null };
        }
      }),
    };
  }
  const { visible, hiddenFields } = pageVisibility(compiled.pages, data);
  return {
    hiddenPages: compiled.pages.filter((page) => !visible.has(page.id)).map((page) => page.id),
    hiddenFields: [...hiddenFields],
  };
}
