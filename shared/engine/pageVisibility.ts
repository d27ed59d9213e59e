import type { CompiledPage } from './compilePages.ts';

export interface PageVisibility {
  /** Ids of the pages the citizen is shown, in order. */
  visible: ReadonlySet<string>;
  /** Top-level fields placed only on hidden pages: not asked, not required, not kept. */
  hiddenFields: ReadonlySet<string>;
}

const EVERYTHING_VISIBLE: PageVisibility = { visible: new Set(), hiddenFields: new Set() };

/**
 * Which pages the citizen sees for `data`. A page without `condition` is always shown;
 * a page with one is shown when the data passes it. Pages are decided in order, and a
 * condition sees the data without the fields of the pages already hidden above it, so a
 * page that depends on a hidden page's answer is hidden too (an answer the citizen can no
 * longer see or change must not decide anything). A field on several pages is hidden only
 * when all of them are. Fields on no page (computed ones) are never hidden. Pure: the
 * browser runs it to skip pages, the server to ignore and drop what they held.
 *
 * @example
 * pageVisibility(compiled.schemas.pages, { situation: 'seul', conjoint: 'Paul' });
 * // { visible: Set { 'identite', 'ressources' }, hiddenFields: Set { 'conjoint' } }
 */
export function pageVisibility(
  pages: readonly CompiledPage[],
  data: Readonly<Record<string, unknown>>,
): PageVisibility {
  if (!pages.some((page) => page.condition !== null)) {
    return pages.length === 0
      ? EVERYTHING_VISIBLE
      : { visible: new Set(pages.map((p) => p.id)), hiddenFields: new Set() };
  }
  const visible = new Set<string>();
  const shownFields = new Set<string>();
  const hiddenSoFar = new Set<string>();
  let seen: Readonly<Record<string, unknown>> = data;
  for (const page of pages) {
    if (page.condition === null || page.condition(seen) === true) {
      visible.add(page.id);
      let unhidden = false;
      for (const field of page.fields) {
        shownFields.add(field);
        unhidden = hiddenSoFar.delete(field) || unhidden;
      }
      if (unhidden) seen = withoutFields(data, hiddenSoFar);
      continue;
    }
    const newlyHidden = page.fields.filter((f) => !shownFields.has(f) && !hiddenSoFar.has(f));
    if (newlyHidden.length === 0) continue;
    for (const field of newlyHidden) hiddenSoFar.add(field);
    seen = withoutFields(data, hiddenSoFar);
  }
  return { visible, hiddenFields: hiddenSoFar };
}

/** `data` without `fields` (the same object when none of them is there). */
export function withoutFields(
  data: Readonly<Record<string, unknown>>,
  fields: ReadonlySet<string>,
): Record<string, unknown> {
  if (![...fields].some((field) => Object.hasOwn(data, field))) {
    return data as Record<string, unknown>;
  }
  return Object.fromEntries(Object.entries(data).filter(([field]) => !fields.has(field)));
}
