import type { ServerResponse } from 'node:http';

type Callback = (error?: Error | null) => void;

/**
 * Makes `res` hold what is written and send it all at `end()`, with a Content-Length:
 * headers and body leave in one packet instead of a chunked body and its terminator in
 * two. tRPC's adapter streams its answer (write each chunk, then end) although our
 * answers are small JSON documents, and every socket write is dear on these machines
 * (runtime/server/bench/README.md). Not for streamed answers (subscriptions, streaming
 * links): the API uses neither.
 *
 * @example
 * bufferResponse(res);
 * trpcHandler(req, res);
 */
export function bufferResponse(res: ServerResponse): void {
  const chunks: Buffer[] = [];
  const end = res.end.bind(res) as (body: Buffer, callback?: () => void) => ServerResponse;
  const hold = (chunk: unknown, encoding?: unknown) => {
    if (chunk === undefined || chunk === null) return;
    chunks.push(
      typeof chunk === 'string'
        ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
        : Buffer.from(chunk as Uint8Array),
    );
  };
  res.write = ((chunk: unknown, encoding?: unknown, callback?: Callback) => {
    hold(chunk, encoding);
    const done = typeof encoding === 'function' ? (encoding as Callback) : callback;
    if (done !== undefined) process.nextTick(done);
    return true;
  }) as ServerResponse['write'];
  res.end = ((chunk?: unknown, encoding?: unknown, callback?: () => void) => {
    if (typeof chunk === 'function') return end(Buffer.concat(chunks), chunk as () => void);
    hold(chunk, typeof encoding === 'function' ? undefined : encoding);
    const done = typeof encoding === 'function' ? (encoding as () => void) : callback;
    const body = Buffer.concat(chunks);
    if (!res.headersSent) res.setHeader('Content-Length', body.length);
    return end(body, done);
  }) as ServerResponse['end'];
}
