import { quoteList } from './describe.ts';
import type { LintContext } from './lintContext.ts';
import { pagesNeverShown } from './pagesNeverShown.ts';
import { isObject } from './shapes.ts';

/**
 * Why the citizen never sees the top-level field `name` (hidden widget without default,
 * on no page, only on pages never shown — `pagesNeverShown`), or `null` if they may.
 * Computed fields are filled by the system: never « hidden ». A caller asking about many
 * fields passes the dead pages it worked out once.
 *
 * @example
 * hiddenBecause(context, 'iban'); // 'n’apparaît sur aucune page'
 */
export function hiddenBecause(
  context: LintContext,
  name: string,
  deadPages: ReadonlySet<string> = pagesNeverShown(context),
): string | null {
  if (context.computed.some((c) => c.field === name)) return null; // filled by the system
  const field = context.form.properties.get(name);
  const hasDefault = field?.constraints.some((schema) => 'default' in schema) === true;
  const ui = context.definition.form?.uiSchema?.[name];
  if (isObject(ui) && ui['ui:widget'] === 'hidden' && !hasDefault) {
    return 'est masqué (ui:widget « hidden ») sans valeur par défaut';
  }
  if (context.pages.length === 0) return null;
  const pages = context.pages.filter(
    (page) => Array.isArray(page.fields) && page.fields.includes(name),
  );
  if (pages.length === 0) return 'n’apparaît sur aucune page';
  if (pages.every((page) => deadPages.has(page.id))) {
    return `n’apparaît que sur des pages jamais affichées (${quoteList(pages.map((p) => p.title))})`;
  }
  return null;
}
