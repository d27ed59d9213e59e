import type { Server, ServerResponse } from 'node:http';

interface Shutdown {
  closing: boolean;
  inFlight: Set<ServerResponse>;
}

const shutdowns = new WeakMap<Server, Shutdown>();

/**
 * Tracks the server's in-flight responses so `closeGracefully` can stop it without
 * failing a request: every answer given once closing has begun carries
 * `Connection: close`, so keep-alive clients open a new connection elsewhere instead of
 * sending their next request into a socket that is about to be closed (the HTTP 500s and
 * resets seen under SIGTERM).
 *
 * @example
 * const server = enableGracefulClose(createServer(handler));
 */
export function enableGracefulClose(server: Server): Server {
  const shutdown: Shutdown = { closing: false, inFlight: new Set() };
  shutdowns.set(server, shutdown);
  server.prependListener('request', (_req, res: ServerResponse) => {
    if (shutdown.closing) res.setHeader('Connection', 'close');
    shutdown.inFlight.add(res);
    res.once('close', () => shutdown.inFlight.delete(res));
  });
  return server;
}

/** Whether `closeGracefully` has begun on this server: it is no longer ready. */
export function isClosing(server: Server): boolean {
  return shutdowns.get(server)?.closing ?? false;
}

/**
 * Stops accepting connections, lets in-flight requests finish (answered with
 * `Connection: close`), closes idle keep-alive connections as they become idle, and
 * resolves once every connection is gone — or, after `timeoutMs`, closes the rest.
 *
 * @example
 * await closeGracefully(server, 10_000);
 */
export async function closeGracefully(server: Server, timeoutMs: number): Promise<void> {
  const shutdown = shutdowns.get(server);
  if (shutdown) {
    shutdown.closing = true;
    for (const res of shutdown.inFlight) {
      if (!res.headersSent) res.setHeader('Connection', 'close');
    }
  }
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  // A keep-alive connection whose last answer predates the shutdown becomes idle later.
  const sweep = setInterval(() => server.closeIdleConnections(), 50);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, timeoutMs);
  });
  try {
    await Promise.race([closed, timedOut]);
  } finally {
    clearInterval(sweep);
    clearTimeout(timer);
    server.closeAllConnections();
  }
}
