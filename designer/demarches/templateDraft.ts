import type { DemarcheDefinition } from '../../shared/definition/index.ts';
import { TEMPLATES } from '../../templates/index.ts';

/**
 * A template's definition renamed for a new démarche (its slug and title), as the first
 * draft to save. Read as raw JSON, not through `loadTemplate`: validation compiles
 * schemas with `new Function`, which the studio's CSP forbids — the server validates the
 * draft at save and publish anyway. Null for an unknown template.
 *
 * @example
 * templateDraft('aide-sociale', { slug: 'aide-ccas', title: 'Aide du CCAS' })?.meta.slug; // 'aide-ccas'
 */
export function templateDraft(
  template: string,
  demarche: { slug: string; title: string },
): DemarcheDefinition | null {
  const found = TEMPLATES.find((candidate) => candidate.slug === template);
  if (!found) return null;
  const document = structuredClone(found.document) as DemarcheDefinition;
  return { ...document, meta: { ...document.meta, slug: demarche.slug, title: demarche.title } };
}
