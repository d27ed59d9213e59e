import type { IncomingMessage, ServerResponse } from 'node:http';
import { type AnyRouter, TRPCError } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { TRPC_ERROR_CODES_BY_KEY } from '@trpc/server/rpc';
import { compressAnswer } from '../core/compressAnswer.ts';
import { crossSiteRefusal, nonJsonRefusal, type OwnOrigin } from '../core/crossSiteGuard.ts';
import type { DomainError } from '../core/domainError.ts';
import { RETRY_AFTER_SECONDS, toTRPCError } from '../trpc/index.ts';
import { batchCallCount } from './batchCallCount.ts';

/** The node request and response a tRPC context is built from. */
export interface NodeExchange {
  req: IncomingMessage;
  res: ServerResponse;
}

export interface TrpcHandlerOptions<TRouter extends AnyRouter> {
  router: TRouter;
  /** Where the API is mounted, without a trailing slash: `/trpc`. */
  endpoint: string;
  createContext(exchange: NodeExchange): Promise<unknown>;
  /** Larger bodies are answered 413 PAYLOAD_TOO_LARGE, as tRPC's node adapter does. */
  maxBodyBytes: number;
  /** Mutations from other sites are refused (CSRF); null Host-derived, see crossSiteGuard. */
  ownOrigin?: OwnOrigin;
  /** Calls one batched request may carry; more are refused before any runs. */
  maxBatchCalls?: number;
}

/** Enough for any page of the web apps; a batch of a thousand creations is an attack. */
const DEFAULT_MAX_BATCH_CALLS = 10;

/**
 * The tRPC API on node:http through tRPC's fetch adapter, with the body read whole
 * before and the answer sent whole after. tRPC's node adapter (`standalone`) wraps the
 * request body in a web stream and streams the `Response` back into node through
 * another, for answers that are small JSON documents here: on the submit path that was
 * a tenth of the server's CPU (`runtime/server/bench/README.md`). The answer leaves in
 * one write with its Content-Length, never chunked; a large query answer is compressed
 * first (`compressAnswer.ts`).
 *
 * Differences from the node adapter, none used by this API: no subscriptions or
 * streamed answers (the fetch `Response` is read whole), and no abort signal when the
 * client goes away. Bodies over the limit are read to their end but not kept, so the
 * client still receives the 413 (formatted by tRPC like any error of the procedure).
 *
 * @example
 * const trpc = trpcHandler({ router: appRouter, endpoint: '/trpc', createContext, maxBodyBytes });
 * createServer((req, res) => trpc(req, res));
 */
export function trpcHandler<TRouter extends AnyRouter>(
  options: TrpcHandlerOptions<TRouter>,
): (req: IncomingMessage, res: ServerResponse) => void {
  const own = options.ownOrigin ?? { publicOrigin: null, tls: false };
  const maxCalls = options.maxBatchCalls ?? DEFAULT_MAX_BATCH_CALLS;
  return (req, res) => {
    const refused = screen(req, own, options.endpoint, maxCalls);
    if (refused !== null) {
      // The body is read to its end first, so the client gets the answer, not a reset.
      req.resume();
      req.on('end', () => replyRefusal(res, refused));
      return;
    }
    readBody(req, options.maxBodyBytes).then(
      (body) => answer(options, { req, res }, body),
      () => res.destroy(),
    );
  };
}

/** Refusals decided from the request line and headers alone, before tRPC runs. */
function screen(
  req: IncomingMessage,
  own: OwnOrigin,
  endpoint: string,
  maxCalls: number,
): DomainError | null {
  const foreign = crossSiteRefusal(req, own) ?? nonJsonRefusal(req);
  if (foreign !== null) return foreign;
  const calls = batchCallCount(req.url ?? '/', endpoint);
  if (calls <= maxCalls) return null;
  return {
    code: 'BATCH_TOO_LARGE',
    message: `Trop d’appels dans une seule requête (${calls}, au plus ${maxCalls}).`,
    details: { calls, maxCalls },
  };
}

/** A refusal in tRPC's error envelope, so the client reads it like any other. */
function replyRefusal(res: ServerResponse, error: DomainError): void {
  const trpcError = toTRPCError(error);
  const httpStatus = getHTTPStatusCodeFromError(trpcError);
  const body = JSON.stringify({
    error: {
      message: error.message,
      code: TRPC_ERROR_CODES_BY_KEY[trpcError.code],
      data: {
        code: trpcError.code,
        httpStatus,
        domainCode: error.code,
        fieldErrors: null,
        details: error.details ?? null,
      },
    },
  });
  res.statusCode = httpStatus;
  res.setHeader('Content-Type', 'application/json');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}

/** The body, or `null` when it passed the limit (the rest was read and dropped). */
function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.on('end', () => resolve(size <= maxBytes ? Buffer.concat(chunks, size) : null));
    req.on('error', reject);
  });
}

async function answer<TRouter extends AnyRouter>(
  options: TrpcHandlerOptions<TRouter>,
  exchange: NodeExchange,
  body: Buffer | null,
): Promise<void> {
  const { req, res } = exchange;
  try {
    const response = await fetchRequestHandler({
      endpoint: options.endpoint,
      req: toFetchRequest(req, body, options.maxBodyBytes),
      router: options.router,
      createContext: () => options.createContext(exchange) as never,
    });
    let payload: Buffer = Buffer.from(await response.arrayBuffer());
    const encoded = await compressAnswer(req.method, req.headers, payload);
    res.statusCode = response.status;
    for (const [name, value] of response.headers) {
      if (name !== 'set-cookie') res.setHeader(name, value);
    }
    const cookies = response.headers.getSetCookie();
    if (cookies.length > 0) res.appendHeader('Set-Cookie', cookies);
    // DATABASE_UNAVAILABLE (the only 503 the API gives): tell clients when to retry.
    if (response.status === 503) res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    // tRPC's own Vary (trpc-accept, accept) is kept: the encoding adds to it.
    if (req.method === 'GET') res.appendHeader('Vary', 'Accept-Encoding');
    if (encoded !== null) {
      res.setHeader('Content-Encoding', encoded.encoding);
      payload = encoded.body;
    }
    res.setHeader('Content-Length', payload.length);
    res.end(payload);
  } catch {
    // fetchRequestHandler answers every failure of a procedure itself; this is the
    // adapter's own (a malformed request line): no details, as for any internal error.
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.statusCode = 500;
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({ error: { message: 'Erreur interne du serveur.' } }));
  }
}

/**
 * The fetch `Request` tRPC reads. A constant origin: tRPC reads only the path and the
 * query, and a forged Host header must not make the URL unparsable.
 */
function toFetchRequest(req: IncomingMessage, body: Buffer | null, maxBodyBytes: number): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const one of value) headers.append(name, one);
    else headers.set(name, value);
  }
  const method = req.method ?? 'GET';
  const init: RequestInit = { method, headers };
  if (method !== 'GET' && method !== 'HEAD') {
    init.body = body === null ? tooLargeBody(maxBodyBytes) : (body as Uint8Array<ArrayBuffer>);
    // A stream body must say it is sent before the answer starts (fetch's rule).
    if (body === null) Object.assign(init, { duplex: 'half' });
  }
  return new Request(new URL(req.url ?? '/', 'http://localhost'), init);
}

/** A body whose reading fails as tRPC's node adapter fails an oversize one, in French. */
function tooLargeBody(maxBodyBytes: number): ReadableStream<Uint8Array> {
  const number = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
  const limit =
    maxBodyBytes >= 1024 * 1024
      ? `${number.format(maxBodyBytes / (1024 * 1024))} Mo`
      : `${number.format(maxBodyBytes / 1024)} Ko`;
  return new ReadableStream({
    start(controller) {
      controller.error(
        new TRPCError({
          code: 'PAYLOAD_TOO_LARGE',
          message: `La requête dépasse la taille maximale acceptée (${limit}).`,
        }),
      );
    },
  });
}
