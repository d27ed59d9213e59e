import type { IncomingHttpHeaders } from 'node:http';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/** Encodings the server sends, best first. */
export type AnswerEncoding = 'br' | 'gzip';

/**
 * Below this an answer goes as it is: headers and a compressor's frame would eat the
 * gain, and most API answers (a mutation's result, a count) are this small.
 */
export const COMPRESS_FROM_BYTES = 1024;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * The encodings `Accept-Encoding` takes among ours, best first; `q=0` refuses one.
 *
 * @example
 * acceptedEncodings('gzip, deflate, br;q=0'); // ['gzip']
 */
export function acceptedEncodings(acceptEncoding: string | undefined): AnswerEncoding[] {
  const accepted = new Set(
    (acceptEncoding ?? '')
      .split(',')
      .map((part) => part.trim().toLowerCase().split(';'))
      .filter(([, quality]) => !/^\s*q\s*=\s*0(\.0*)?\s*$/.test(quality ?? ''))
      .map(([name]) => name),
  );
  return (['br', 'gzip'] as const).filter((encoding) => accepted.has(encoding));
}

/**
 * A dynamic answer compressed for the request that asked it, or null to send it as it
 * is. A queue page of 100 rows is ~46 KB of JSON and ~5 KB compressed: what an agent's
 * or a citizen's connection actually waits for. The work runs on libuv's thread pool,
 * not the event loop; brotli at quality 4 takes ~0.2 ms for that page (gzip ~0.7 ms).
 *
 * Only GET answers asked by our own pages (`Sec-Fetch-Site: same-origin`) or by a
 * program (no `Sec-Fetch-Site`) are compressed. A compressed answer that holds both a
 * secret and text an attacker chose leaks the secret through its length (BREACH); the
 * attacker's lever is a request the victim's browser sends from another site (a link,
 * a top-level navigation carrying the Lax session cookie), which always says
 * `cross-site` or `same-site`. Mutations are not compressed either: they are small, and
 * some (an invitation) answer a secret.
 *
 * @example
 * const encoded = await compressAnswer(req.method, req.headers, payload);
 * if (encoded) { res.setHeader('Content-Encoding', encoded.encoding); payload = encoded.body; }
 */
export async function compressAnswer(
  method: string | undefined,
  headers: IncomingHttpHeaders,
  payload: Buffer,
): Promise<{ encoding: AnswerEncoding; body: Buffer } | null> {
  if (method !== 'GET' || payload.length < COMPRESS_FROM_BYTES) return null;
  const site = headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return null;
  const [encoding] = acceptedEncodings(headers['accept-encoding']);
  if (encoding === undefined) return null;
  const body =
    encoding === 'br'
      ? await brotli(payload, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: 4,
            [constants.BROTLI_PARAM_SIZE_HINT]: payload.length,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          },
        })
      : await gzipAsync(payload);
  return { encoding, body };
}
