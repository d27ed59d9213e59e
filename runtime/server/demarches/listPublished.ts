import { err, ok, type Result } from '../../../shared/result.ts';
import { tenantScope } from '../../db/tenancy/tenantScope.ts';
import type { AppDatabase } from '../../db/types.ts';
import type { DomainError } from '../core/domainError.ts';
import { findTenantBySlug, listPublishedRows } from './catalogQueries.ts';
import { demarcheErrors } from './demarcheErrors.ts';
import type { PublishedDemarcheSummary } from './demarcheTypes.ts';

/**
 * The public catalogue of a tenant: démarches with at least one published version, as
 * their latest version presents them. Drafts and never-published démarches stay hidden.
 *
 * @example
 * const catalogue = await listPublished(db, 'ville-de-lyon');
 * // ok([{ slug: 'aide-sociale', title: 'Demande d’aide sociale', description: null, version: 2 }])
 */
export async function listPublished(
  db: AppDatabase,
  tenantSlug: string,
): Promise<Result<PublishedDemarcheSummary[], DomainError>> {
  const tenant = await findTenantBySlug(db, tenantSlug);
  if (!tenant) return err(demarcheErrors.tenantNotFound());
  const rows = await listPublishedRows(db, tenantScope(tenant.id));
  return ok(
    rows.map((row) => {
      const meta = (typeof row.meta === 'object' && row.meta !== null ? row.meta : {}) as Record<
        string,
        unknown
      >;
      return {
        slug: row.slug,
        // Versions were valid when published; the fallbacks only guard a future format.
        title: typeof meta['title'] === 'string' ? meta['title'] : row.slug,
        description: typeof meta['description'] === 'string' ? meta['description'] : null,
        version: row.version,
      };
    }),
  );
}
