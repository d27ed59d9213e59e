/**
 * What other folders may import from security: the router's catalog, for the generated
 * security suites. The suites themselves and their samples live in `testing/`.
 */
export type { CatalogEntry } from './procedureCatalog.ts';
export { procedureCatalog } from './procedureCatalog.ts';
