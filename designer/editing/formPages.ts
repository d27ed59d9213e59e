import type { DemarcheDefinition, FormPage, JsonSchema } from '../../shared/definition/index.ts';
import { formOutline, sectionsOf } from './formOutline.ts';

/** The page of the fields above the first section heading, when there are some. */
export const LEAD_PAGE_ID = 'debut';
const LEAD_PAGE_TITLE = 'Vos informations';

/**
 * The form in steps, one page per section, as the builder lists them: the fields in no
 * section first (page `debut`), then each section with its fields. A page keeps the
 * condition and checks the same id had, so re-deriving loses nothing the admin set.
 *
 * @example
 * pagesFromSections(definition);
 * // [{ id: 'identite', title: 'Identité', fields: ['nom', 'prenom'] }, …]
 */
export function pagesFromSections(definition: DemarcheDefinition): FormPage[] {
  const before = new Map((definition.form.pages ?? []).map((page) => [page.id, page]));
  const titles = new Map(sectionsOf(definition).map((section) => [section.id, section.title]));
  const pages: FormPage[] = [];
  let current: FormPage | undefined;
  for (const item of formOutline(definition)) {
    if (item.kind === 'section') {
      current = { id: item.id, title: titles.get(item.id) ?? item.id, fields: [] };
      pages.push(current);
    } else {
      if (current === undefined) {
        current = { id: LEAD_PAGE_ID, title: LEAD_PAGE_TITLE, fields: [] };
        pages.push(current);
      }
      current.fields.push(item.name);
    }
  }
  return pages.map((page) => {
    const kept = before.get(page.id);
    return {
      ...page,
      ...(kept?.condition === undefined ? {} : { condition: kept.condition }),
      ...(kept?.checks === undefined ? {} : { checks: kept.checks }),
    };
  });
}

/**
 * Whether the pages are the builder's (one per section, `pagesFromSections`): then every
 * form change re-derives them. Pages written otherwise in the JSON tab are left alone.
 * An empty list is the builder's too: steps turned on before the first field.
 */
export function pagedBySections(definition: DemarcheDefinition): boolean {
  const pages = definition.form.pages;
  if (!Array.isArray(pages)) return false;
  const sections = new Set(sectionsOf(definition).map((section) => section.id));
  return pages.every((page) => page.id === LEAD_PAGE_ID || sections.has(page.id));
}

/**
 * The definition with its pages derived again from its sections. Pages that come out the
 * same stay the same objects, and the definition itself when none changed: a label typed
 * does not hand the preview new pages (its conditions are decided again in a worker).
 */
export function withPagesFromSections(definition: DemarcheDefinition): DemarcheDefinition {
  const previous = definition.form.pages ?? [];
  const pages = pagesFromSections(definition).map((page, index) =>
    samePage(previous[index], page) ? previous[index]! : page,
  );
  if (
    Array.isArray(definition.form.pages) &&
    pages.length === previous.length &&
    pages.every((page, index) => page === previous[index])
  ) {
    return definition;
  }
  return { ...definition, form: { ...definition.form, pages } };
}

function samePage(kept: FormPage | undefined, page: FormPage): boolean {
  return (
    kept !== undefined &&
    Object.keys(kept).length === Object.keys(page).length &&
    kept.id === page.id &&
    kept.title === page.title &&
    kept.condition === page.condition &&
    kept.checks === page.checks &&
    Array.isArray(kept.fields) &&
    kept.fields.length === page.fields.length &&
    kept.fields.every((field, index) => field === page.fields[index])
  );
}

/** Turns steps on (one page per section) or off (one page: no `pages`). */
export function withStepwise(
  definition: DemarcheDefinition,
  stepwise: boolean,
): DemarcheDefinition {
  const { pages: _pages, ...form } = definition.form;
  if (!stepwise) return { ...definition, form };
  return { ...definition, form: { ...form, pages: pagesFromSections(definition) } };
}

/** Sets (or, `undefined`, removes) the condition of the builder page `id`. */
export function withPageCondition(
  definition: DemarcheDefinition,
  id: string,
  condition: JsonSchema | undefined,
): DemarcheDefinition {
  const pages = definition.form.pages ?? [];
  if (!pages.some((page) => page.id === id)) return definition;
  const next = pages.map((page) => {
    if (page.id !== id) return page;
    const { condition: _previous, ...rest } = page;
    return condition === undefined ? rest : { ...rest, condition };
  });
  return { ...definition, form: { ...definition.form, pages: next } };
}
