import { createServer, type Server } from 'node:http';
import { attachmentsHttpHandler } from '../attachments/attachmentsHttpHandler.ts';
import type { ServerDeps } from '../deps.ts';
import { appRouter } from '../router.ts';
import { contextFactory } from '../trpc/context.ts';
import { setSecurityHeaders } from './securityHeaders.ts';
import { serveStatic } from './serveStatic.ts';
import { trpcHandler } from './trpcHandler.ts';

/** Largest request body the API accepts (SECURITY.md item 13: a 5 MB submission). */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

/**
 * One port for everything: `/trpc/*` is the API, `/api/*` the file endpoints (tRPC
 * speaks JSON), `/healthz` the probe, and anything else the web apps. Every response
 * carries the security headers.
 *
 * @example
 * const server = createHttpServer(deps);
 * server.listen(3000);
 */
export function createHttpServer(deps: ServerDeps): Server {
  const trpc = trpcHandler({
    router: appRouter,
    endpoint: '/trpc',
    createContext: contextFactory(deps),
    maxBodyBytes: MAX_BODY_BYTES,
  });
  return createServer((req, res) => {
    setSecurityHeaders(res, { tls: deps.config.tls });
    const path = req.url ?? '/';
    if (path.startsWith('/trpc/')) {
      trpc(req, res);
      return;
    }
    if (path === '/healthz') {
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ ok: true }));
      return;
    }
    const files = path.startsWith('/api/')
      ? attachmentsHttpHandler(req, res, deps)
      : Promise.resolve(false);
    files
      .then((handled) => handled || serveStatic(req, res, deps.config.webRoot))
      .then((served) => {
        if (served) return;
        res.statusCode = 404;
        res.setHeader('Content-Type', 'text/plain; charset=utf-8');
        res.end('Page introuvable.');
      })
      .catch(() => {
        if (!res.headersSent) res.statusCode = 500;
        res.end();
      });
  });
}
