/**
 * The catalogue of ready-made démarches: what others may import from `templates/`.
 * Each template is data (`<slug>/definition.json`, in the current definition format)
 * plus a README; `loadTemplate` reads one through `loadDefinition`, so an older template
 * is migrated and a broken one never reaches a tenant. The demo tenant of `npm start` is
 * seeded from here.
 */
import {
  type DefinitionProblem,
  type DemarcheDefinition,
  loadDefinition,
} from '../shared/definition/index.ts';
import { err, type Result } from '../shared/result.ts';
import adhesionSyndicale from './adhesion-syndicale/definition.json' with { type: 'json' };
import aideSociale from './aide-sociale/definition.json' with { type: 'json' };
import apaDomicile from './apa-domicile/definition.json' with { type: 'json' };
import noteInterne from './note-interne/definition.json' with { type: 'json' };

export interface Template {
  /** Folder name and `meta.slug` of the definition. */
  slug: string;
  title: string;
  /** The definition file as JSON, not yet checked: read it with `loadTemplate`. */
  document: unknown;
}

export const TEMPLATES: readonly Template[] = [
  { slug: 'aide-sociale', title: 'Demande d’aide sociale', document: aideSociale },
  { slug: 'adhesion-syndicale', title: 'Adhésion syndicale', document: adhesionSyndicale },
  {
    slug: 'apa-domicile',
    title: 'Allocation personnalisée d’autonomie à domicile',
    document: apaDomicile,
  },
  { slug: 'note-interne', title: 'Note interne', document: noteInterne },
];

export type TemplateError =
  | { code: 'UNKNOWN_TEMPLATE'; slug: string }
  | { code: 'INVALID_TEMPLATE'; slug: string; problems: DefinitionProblem[] };

/**
 * One template's definition, migrated and validated (a fresh copy the caller may edit).
 *
 * @example
 * const template = loadTemplate('aide-sociale');
 * if (template.ok) await insertPublishedDemarche(tx, tenantId, template.value);
 */
export function loadTemplate(slug: string): Result<DemarcheDefinition, TemplateError> {
  const template = TEMPLATES.find((candidate) => candidate.slug === slug);
  if (template === undefined) return err({ code: 'UNKNOWN_TEMPLATE', slug });
  const loaded = loadDefinition(structuredClone(template.document));
  return loaded.ok ? loaded : err({ code: 'INVALID_TEMPLATE', slug, problems: loaded.error });
}
