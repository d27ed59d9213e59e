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
  const encoding = answerEncoding(method, headers, payload.length);
  return encoding === null ? null : { encoding, body: await compressed(payload, encoding) };
}

/**
 * How `compressAnswer` would encode an answer of `size` bytes to this request (same
 * rules), for a caller that keeps compressed copies of an answer that never changes.
 *
 * @example
 * const encoding = answerEncoding(req.method, req.headers, source.length);
 */
export function answerEncoding(
  method: string | undefined,
  headers: IncomingHttpHeaders,
  size: number,
): AnswerEncoding | null {
  if (method !== 'GET' || size < COMPRESS_FROM_BYTES) return null;
  const site = headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return null;
  return acceptedEncodings(headers['accept-encoding'])[0] ?? null;
}

/**
 * `payload` in `encoding`, off the event loop.
 *
 * @example
 * const body = await compressed(Buffer.from(source), 'br');
 */
export function compressed(payload: Buffer, encoding: AnswerEncoding): Promise<Buffer> {
  if (encoding === 'gzip') return gzipAsync(payload);
  return brotli(payload, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 4,
      [constants.BROTLI_PARAM_SIZE_HINT]: payload.length,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    },
  });
}
