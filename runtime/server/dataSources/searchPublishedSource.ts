import { eq } from 'drizzle-orm';
import { err, ok, type Result } from '../../../shared/result.ts';
import { tenants } from '../../db/index.ts';
import type { ServerDeps } from '../core/deps.ts';
import type { DomainError } from '../core/domainError.ts';
import type { ChoiceEntry } from '../core/urlSources.ts';
import { findInSource, searchSource, sourceOf } from './sourceEntries.ts';

export interface SearchSourceRequest {
  tenant: string;
  demarche: string;
  version?: number | undefined;
  source: string;
  query: string;
  value?: string | undefined;
  limit: number;
}

/**
 * The citizen's search in a sourced field, as they type (docs/SECURITY.md §100): only a
 * source a PUBLISHED version of that démarche declares can be searched, so the API
 * exposes nothing a published form would not offer — no other reference table of the
 * tenant, no draft's source, no URL. At most `limit` entries come back.
 *
 * @example
 * await searchPublishedSource(deps, { tenant: 'lyon', demarche: 'inscription', source: 'communes', query: 'villeu', limit: 20 });
 */
export async function searchPublishedSource(
  deps: ServerDeps,
  request: SearchSourceRequest,
): Promise<Result<{ entries: ChoiceEntry[]; more: boolean }, DomainError>> {
  const db = deps.database.db;
  const [tenant] = await db
    .select({ id: tenants.id })
    .from(tenants)
    .where(eq(tenants.slug, request.tenant));
  if (!tenant) return err(notFound());
  const latest = await deps.publishedVersions.latest(db, tenant.id, request.demarche);
  const published =
    latest === null || request.version === undefined || request.version === latest.version
      ? latest
      : await deps.publishedVersions.get(db, tenant.id, latest.demarcheId, request.version);
  const source = published === null ? null : sourceOf(published.definition, request.source);
  if (source === null) return err(notFound());
  const readers = { db, tenantId: tenant.id, urlSources: deps.urlSources, now: deps.clock() };
  const found =
    request.value === undefined
      ? await searchSource(readers, source, request.query, request.limit)
      : await findInSource(readers, source, [request.value]).then((entries) =>
          entries.ok ? ok({ entries: entries.value, more: false }) : entries,
        );
  if (found.ok) return found;
  if (found.error.code === 'UNKNOWN_SOURCE') return err(notFound());
  return err({
    code: 'SOURCE_UNAVAILABLE',
    message: 'Cette liste est momentanément indisponible : réessayez dans quelques minutes.',
  });
}

function notFound(): DomainError {
  return { code: 'NOT_FOUND', message: 'Cette liste de choix est introuvable.' };
}
