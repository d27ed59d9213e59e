import { err, ok } from '../../../shared/result.ts';
import type { ChoiceEntry, UrlSourceDeclaration, UrlSources } from '../core/urlSources.ts';
import { fetchUrlSource, type UrlSourceOptions } from './fetchUrlSource.ts';

/** A URL source answers within 5 s and 2 MB, or the field says its list is unavailable. */
export const URL_SOURCE_LIMITS: UrlSourceOptions = {
  allowPrivateTargets: false,
  timeoutMs: 5_000,
  maxBytes: 2_000_000,
};

/** Default `cacheSeconds` of a URL source. */
export const DEFAULT_CACHE_SECONDS = 3600;
/** After a failed fetch, the next try waits this long (the remote is not hammered). */
const RETRY_AFTER_MS = 30_000;
/** Distinct sources kept per process; the least recently read goes first. */
const MAX_SOURCES = 200;

interface Cached {
  entries: ChoiceEntry[] | null;
  /** When a fetch is due again. */
  freshUntil: number;
  error: { code: string } | null;
}

/**
 * The process's URL sources (`UrlSources`): each list is fetched once (`fetchUrlSource`,
 * https and the outbound rules), kept for the source's `cacheSeconds`, and shared by
 * concurrent readers (one fetch in flight per source). When a refresh fails, the last
 * good list is still served — a remote blip must not block citizens — and the next try
 * waits 30 s.
 *
 * @example
 * const urlSources = createUrlSourceCache({ allowPrivateTargets: false, timeoutMs: 5000, maxBytes: 2_000_000 });
 * await urlSources.read({ url: 'https://…', valuePath: 'code', labelPath: 'nom' }, new Date());
 */
export function createUrlSourceCache(
  options: UrlSourceOptions,
): UrlSources & { fetches(): number } {
  const cache = new Map<string, Cached>();
  const inFlight = new Map<string, Promise<Cached>>();
  let fetches = 0;
  const refresh = async (
    key: string,
    source: UrlSourceDeclaration,
    now: number,
    previous?: Cached,
  ) => {
    fetches += 1;
    const fetched = await fetchUrlSource(source.url, source, options);
    const ttl = (source.cacheSeconds ?? DEFAULT_CACHE_SECONDS) * 1000;
    const next: Cached = fetched.ok
      ? { entries: fetched.value, freshUntil: now + ttl, error: null }
      : {
          entries: previous?.entries ?? null,
          freshUntil: now + RETRY_AFTER_MS,
          error: fetched.error,
        };
    cache.delete(key);
    cache.set(key, next);
    if (cache.size > MAX_SOURCES) cache.delete(cache.keys().next().value!);
    return next;
  };
  return {
    fetches: () => fetches,
    async read(source, nowDate) {
      const now = nowDate.getTime();
      const key = JSON.stringify([
        source.url,
        source.itemsPath,
        source.valuePath,
        source.labelPath,
      ]);
      let current = cache.get(key);
      if (current === undefined || current.freshUntil <= now) {
        let pending = inFlight.get(key);
        if (pending === undefined) {
          pending = refresh(key, source, now, current).finally(() => inFlight.delete(key));
          inFlight.set(key, pending);
        }
        current = await pending;
      }
      if (current.entries !== null) return ok(current.entries);
      return err(current.error ?? { code: 'NETWORK' });
    },
  };
}
