import type { DemarcheDefinition } from '../../../shared/definition/types.ts';
import type { FieldErrors } from '../../../shared/form/index.ts';
import type { AppDatabase } from '../../db/index.ts';
import {
  checkSourcedValues,
  createUrlSourceCache,
  URL_SOURCE_LIMITS,
} from '../dataSources/index.ts';
import type { DossierContext } from './dossierContext.ts';

// A context built by hand (tests, scripts) without `urlSources` still checks URL sources,
// by the production rules.
const fallbackUrlSources = createUrlSourceCache(URL_SOURCE_LIMITS);

/**
 * The sourced fields' errors of a dossier's data (`checkSourcedValues`), read through the
 * caller's transaction (PGlite has one connection).
 *
 * @example
 * const errors = await sourcedValueErrors(tx, context, row.tenantId, definition, data, changed);
 */
export function sourcedValueErrors(
  tx: AppDatabase,
  context: DossierContext,
  tenantId: string,
  definition: DemarcheDefinition,
  data: Record<string, unknown>,
  onlyUnder?: readonly string[],
): Promise<FieldErrors> {
  const readers = {
    db: tx,
    tenantId,
    urlSources: context.urlSources ?? fallbackUrlSources,
    now: context.now,
  };
  return checkSourcedValues(readers, definition, data, onlyUnder);
}
