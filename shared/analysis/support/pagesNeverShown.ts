import type { FormPage } from '../../definition/types.ts';
import type { LintContext } from './lintContext.ts';
import { analyseCondition } from './schemaContradictions.ts';
import { isObject } from './shapes.ts';

/**
 * The pages a citizen can never be shown, by id. A page is never shown when its condition
 * cannot hold (`analyseCondition`), or when it requires an answer nobody can give: a field
 * on no page and not computed, or only on pages never shown — its own included, the
 * classic slip of a spouse page shown « when `conjoint` is filled ». The server decides
 * pages in the same way (a condition does not see the answers of hidden pages), so the
 * analysis runs to a fixed point: a page depending on a dead page is dead too.
 *
 * @example
 * pagesNeverShown(context); // Set { 'conjoint' } when its condition requires 'conjoint'
 */
export function pagesNeverShown(context: LintContext): ReadonlySet<string> {
  const dead = new Set<string>();
  const pages = context.pages.filter((page) => typeof page.id === 'string');
  for (const page of pages) {
    if (page.condition === undefined) continue;
    if (analyseCondition(page.condition, context.form, '').unsatisfiable) dead.add(page.id);
  }
  const computed = new Set(context.computed.map((c) => c.field));
  let grew = true;
  while (grew) {
    grew = false;
    for (const page of pages) {
      if (dead.has(page.id) || page.condition === undefined) continue;
      const unanswerable = requiredBy(page.condition).some(
        (field) => !computed.has(field) && !askedOnLivePage(pages, field, dead, page),
      );
      if (unanswerable) {
        dead.add(page.id);
        grew = true;
      }
    }
  }
  return dead;
}

/** Whether `field` is on a page other than `asking` that is not (yet) known dead. */
function askedOnLivePage(
  pages: readonly FormPage[],
  field: string,
  dead: ReadonlySet<string>,
  asking: FormPage,
): boolean {
  return pages.some(
    (page) =>
      page !== asking &&
      !dead.has(page.id) &&
      Array.isArray(page.fields) &&
      page.fields.includes(field),
  );
}

/** Top-level fields a condition requires (`required`, also inside `allOf`). */
function requiredBy(condition: unknown): string[] {
  if (!isObject(condition)) return [];
  const own = Array.isArray(condition['required'])
    ? condition['required'].filter((name): name is string => typeof name === 'string')
    : [];
  const nested = Array.isArray(condition['allOf']) ? condition['allOf'].flatMap(requiredBy) : [];
  return [...own, ...nested];
}
