import { err, ok, type Result } from '../../../shared/result.ts';
import { tenantScope } from '../../db/tenancy/tenantScope.ts';
import type { AppDatabase } from '../../db/types.ts';
import type { DomainError } from '../core/domainError.ts';
import { findLatestPublishedBySlug, findTenantBySlug } from './catalogQueries.ts';
import { demarcheErrors } from './demarcheErrors.ts';
import type { PublishedDemarche } from './demarcheTypes.ts';
import { readStoredDefinition } from './readStoredDefinition.ts';

/**
 * What a citizen's browser needs to show a démarche: the latest published version's
 * form (schema, UI schema, pages), its computed fields and static choice lists, its
 * metadata and its state labels. Guards, effects, routing, templates, webhook and data
 * source URLs stay on the server.
 *
 * @example
 * const demarche = await getPublished(db, { tenant: 'ville-de-lyon', slug: 'aide-sociale' });
 * if (demarche.ok) render(demarche.value.form);
 */
export async function getPublished(
  db: AppDatabase,
  input: { tenant: string; slug: string },
): Promise<Result<PublishedDemarche, DomainError>> {
  const tenant = await findTenantBySlug(db, input.tenant);
  if (!tenant) return err(demarcheErrors.tenantNotFound());
  const row = await findLatestPublishedBySlug(db, tenantScope(tenant.id), input.slug);
  if (!row) return err(demarcheErrors.notPublished());
  const definition = readStoredDefinition(row.definition, `${input.slug} v${row.version}`);
  return ok({
    tenant: { slug: tenant.slug, name: tenant.name },
    slug: input.slug,
    title: definition.meta.title,
    description: definition.meta.description ?? null,
    version: row.version,
    publishedAt: row.publishedAt.toISOString(),
    form: {
      schema: definition.form.schema,
      uiSchema: definition.form.uiSchema ?? {},
      pages: definition.form.pages ?? null,
    },
    states: definition.workflow.states.map(({ id, label, kind }) => ({ id, label, kind })),
    computed: (definition.computed ?? []).map(({ field, expression }) => ({ field, expression })),
    dataSources: (definition.dataSources ?? []).flatMap((source) =>
      source.kind === 'static' && source.options
        ? [{ id: source.id, options: source.options }]
        : [],
    ),
    anonymous: definition.access?.anonymous === true,
  });
}
