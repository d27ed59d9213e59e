import { request } from 'node:https';
import { isIP } from 'node:net';
import { err, ok, type Result } from '../../../shared/result.ts';
import { checkWebhookTarget, type ResolveHost } from '../outbound/index.ts';
import type { SourceEntry } from './referenceQueries.ts';

/** Why a URL source could not be read; logged for the admin, never shown to citizens as is. */
export type UrlSourceError =
  | { code: 'NOT_HTTPS' }
  | { code: 'FORBIDDEN_TARGET'; reason: string }
  | { code: 'HTTP_STATUS'; status: number }
  | { code: 'TOO_LARGE'; maxBytes: number }
  | { code: 'TIMEOUT'; timeoutMs: number }
  | { code: 'NETWORK'; message: string }
  | { code: 'NOT_A_LIST' };

export interface UrlSourceOptions {
  /** Tests only (a loopback server): see `checkWebhookTarget`. */
  allowPrivateTargets: boolean;
  resolve?: ResolveHost;
  /** Extra trusted certificates (a test server's own); absent: the system's. */
  ca?: string;
  timeoutMs: number;
  maxBytes: number;
}

/** How to read entries out of the answer (the data source's paths). */
export interface UrlSourceShape {
  itemsPath?: string;
  valuePath?: string;
  labelPath?: string;
}

/** Past this many entries the rest is ignored: a choice list, not a data dump. */
export const MAX_URL_ENTRIES = 20_000;

/**
 * GETs a URL source's JSON list, by the rules of any call to an admin-given address
 * (docs/SECURITY.md §14, §102): https only, no credentials in the URL, every address the
 * host resolves to public, the socket connected to the address checked (no DNS
 * rebinding), redirects never followed, an answer cut at `maxBytes` and `timeoutMs`.
 * Entries are read with the source's dotted paths; those without a string or number
 * code and label are skipped.
 *
 * @example
 * await fetchUrlSource('https://geo.example.fr/communes', { valuePath: 'code', labelPath: 'nom' },
 *   { allowPrivateTargets: false, timeoutMs: 5000, maxBytes: 2_000_000 });
 * // ok([{ value: '69123', label: 'Lyon' }, …])
 */
export async function fetchUrlSource(
  url: string,
  shape: UrlSourceShape,
  options: UrlSourceOptions,
): Promise<Result<SourceEntry[], UrlSourceError>> {
  if (!/^https:\/\//i.test(url)) return err({ code: 'NOT_HTTPS' });
  const target = await checkWebhookTarget(url, {
    allowPrivateTargets: options.allowPrivateTargets,
    ...(options.resolve ? { resolve: options.resolve } : {}),
  });
  if (!target.ok) return err({ code: 'FORBIDDEN_TARGET', reason: target.error.code });
  const body = await get(target.value.url, target.value.addresses[0]!, options);
  if (!body.ok) return body;
  let json: unknown;
  try {
    json = JSON.parse(body.value);
  } catch {
    return err({ code: 'NOT_A_LIST' });
  }
  const items = shape.itemsPath ? at(json, shape.itemsPath) : json;
  if (!Array.isArray(items)) return err({ code: 'NOT_A_LIST' });
  const entries: SourceEntry[] = [];
  for (const item of items.slice(0, MAX_URL_ENTRIES)) {
    const value = scalar(at(item, shape.valuePath ?? 'value'));
    const label = scalar(at(item, shape.labelPath ?? 'label'));
    if (value !== null && label !== null) entries.push({ value, label });
  }
  return ok(entries);
}

function get(
  url: URL,
  address: string,
  options: UrlSourceOptions,
): Promise<Result<string, UrlSourceError>> {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return new Promise((resolve) => {
    const req = request(
      {
        host: address,
        port: url.port === '' ? 443 : Number(url.port),
        path: `${url.pathname}${url.search}`,
        method: 'GET',
        // SNI names a host, never an IP literal (RFC 6066); the certificate is checked
        // against the URL's host name all the same.
        ...(isIP(host) === 0 ? { servername: host } : {}),
        ...(options.ca ? { ca: options.ca } : {}),
        headers: { host: url.host, accept: 'application/json', 'user-agent': 'Guichet-Source/1' },
        agent: false,
      },
      (res) => {
        const status = res.statusCode ?? 0;
        if (status < 200 || status > 299) {
          res.resume();
          resolve(err({ code: 'HTTP_STATUS', status }));
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > options.maxBytes) {
            req.destroy();
            resolve(err({ code: 'TOO_LARGE', maxBytes: options.maxBytes }));
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () => resolve(ok(Buffer.concat(chunks).toString('utf8'))));
        res.on('error', (error) => resolve(err({ code: 'NETWORK', message: error.message })));
      },
    );
    req.setTimeout(options.timeoutMs, () => {
      req.destroy();
      resolve(err({ code: 'TIMEOUT', timeoutMs: options.timeoutMs }));
    });
    req.on('error', (error) => resolve(err({ code: 'NETWORK', message: error.message })));
    req.end();
  });
}

/** The value at a dotted path (`properties.code`); only own properties are followed. */
function at(value: unknown, path: string): unknown {
  let cursor = value;
  for (const key of path.split('.')) {
    if (typeof cursor !== 'object' || cursor === null || !Object.hasOwn(cursor, key))
      return undefined;
    cursor = (cursor as Record<string, unknown>)[key];
  }
  return cursor;
}

function scalar(value: unknown): string | null {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}
