import type { DemarcheDefinition } from '../../../shared/definition/types.ts';
import type { FieldErrors } from '../../../shared/form/index.ts';
import type { SourceLabels } from '../../../shared/templating/index.ts';
import type { AppDatabase } from '../../db/index.ts';
import type { UrlSources } from '../core/urlSources.ts';
import {
  checkSourcedValues,
  createUrlSourceCache,
  sourceLabelsOf,
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

/**
 * The labels of the codes in dossiers' sourced fields (`sourceLabelsOf`), read with the
 * dossier context's readers: what an agent sees instead of « 69383 ».
 *
 * @example
 * const labels = await dossierSourceLabels(context, row.tenantId, definition, [row.data]);
 */
export function dossierSourceLabels(
  context: { db: AppDatabase; now: Date; urlSources?: UrlSources | undefined },
  tenantId: string,
  definition: DemarcheDefinition,
  datas: ReadonlyArray<Record<string, unknown>>,
): Promise<SourceLabels> {
  const readers = {
    db: context.db,
    tenantId,
    urlSources: context.urlSources ?? fallbackUrlSources,
    now: context.now,
  };
  return sourceLabelsOf(readers, definition, datas);
}
