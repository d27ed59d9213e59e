import type { Result } from '../../../shared/result.ts';

/** An entry of a choice list: the code stored, the label shown. */
export interface ChoiceEntry {
  value: string;
  label: string;
}

/** A `url` data source, as the definition declares it. */
export interface UrlSourceDeclaration {
  url: string;
  itemsPath?: string;
  valuePath?: string;
  labelPath?: string;
  cacheSeconds?: number;
}

/**
 * The `url` data sources' lists, fetched by the server only and kept per process for the
 * source's `cacheSeconds` (built by the dataSources feature). `now` is the request's
 * clock, so tests can move time past the cache.
 */
export interface UrlSources {
  /** The list, or why it cannot be had now (`code`: see `UrlSourceError`). */
  read(source: UrlSourceDeclaration, now: Date): Promise<Result<ChoiceEntry[], { code: string }>>;
}
