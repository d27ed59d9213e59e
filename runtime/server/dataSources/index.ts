/**
 * What other folders may import from dataSources; every other file here is internal to
 * it. Named exports only, so the surface stays visible.
 */
export { checkSourcedValues } from './checkSourcedValues.ts';
export { dataSourcesRouter } from './dataSourcesRouter.ts';
export { listReferenceTables } from './referenceQueries.ts';
export type { SourceReaders } from './sourceEntries.ts';
export { sourceLabelsOf } from './sourceLabels.ts';
export { createUrlSourceCache, URL_SOURCE_LIMITS } from './urlSourceCache.ts';
