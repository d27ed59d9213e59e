/**
 * What @rjsf/utils asks of `fast-uri` (resolve a `$ref` against a schema's `$id`, compare
 * two `$id`s), on the browser's own URL parser: the citizen's form page does not carry a
 * second URI library (about 5 KB gzipped). vite.config.ts points @rjsf/utils' import here,
 * in the browser builds only; ajv, on the server, keeps fast-uri.
 */
const PLACEHOLDER = 'x-guichet-relative://base/';

/** `ref` resolved against `base`; a relative base stays relative, as RFC 3986 would keep it. */
export function resolve(base: string, ref: string): string {
  try {
    return new URL(ref, base).href;
  } catch {
    try {
      const resolved = new URL(ref, new URL(base, PLACEHOLDER)).href;
      return resolved.startsWith(PLACEHOLDER) ? resolved.slice(PLACEHOLDER.length) : resolved;
    } catch {
      return ref;
    }
  }
}

function normalized(uri: string): string {
  try {
    return new URL(uri).href;
  } catch {
    return uri;
  }
}

/** Whether two URIs name the same resource (scheme and host case, default port). */
export function equal(first: unknown, second: unknown): boolean {
  if (typeof first !== 'string' || typeof second !== 'string') return first === second;
  return normalized(first) === normalized(second);
}

export default { resolve, equal };
