import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { attachmentsHttpHandler } from '../attachments/index.ts';
import type { ServerDeps } from '../core/deps.ts';
import { hostBoundDeps } from '../core/hostBoundDeps.ts';
// Straight from its file: through dataSources/index.ts the handler's use of attachments'
// replies would make a cycle (attachments → dossiers → dataSources).
import {
  REFERENCE_TABLES_PATH,
  referenceTablesHttpHandler,
} from '../dataSources/referenceTablesHttpHandler.ts';
import { VALIDATORS_PATH, validatorsHttpHandler } from '../demarches/index.ts';
import { documentsHttpHandler } from '../documents/index.ts';
import { exportDownloadHttpHandler, queueExportHttpHandler } from '../queues/index.ts';
import { appRouter } from '../router.ts';
import { contextFactory, databaseUnavailableCause } from '../trpc/index.ts';
import { databaseAnswers } from './databaseProbe.ts';
import { enableGracefulClose, isClosing } from './gracefulClose.ts';
import { setSecurityHeaders } from './securityHeaders.ts';
import { serveStatic } from './serveStatic.ts';
import { trpcHandler } from './trpcHandler.ts';
import { answerUnavailable } from './unavailable.ts';

/** Largest request body the API accepts (docs/SECURITY.md §13: a 5 MB submission). */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

/**
 * One port for everything: `/trpc/*` is the API, `/api/*` the file endpoints (tRPC
 * speaks JSON), `/healthz` the liveness probe, `/readyz` the readiness one (the database
 * answers, not shutting down), and anything else the web apps. Every response
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
    ownOrigin: { publicOrigin: deps.config.publicOrigin, tls: deps.config.tls },
  });
  const server = createServer((req, res) => {
    setSecurityHeaders(res, { tls: deps.config.tls });
    const path = req.url ?? '/';
    if (path.startsWith('/trpc/')) {
      trpc(req, res);
      return;
    }
    if (path === '/healthz') {
      // Liveness: the process answers. It says nothing of the database, so an orchestrator
      // does not restart a healthy process while PostgreSQL is away.
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ ok: true }));
      return;
    }
    if (path === '/readyz') {
      void answerReadiness(server, deps, res);
      return;
    }
    answerElse(req, res, deps).catch((error: unknown) => {
      if (!res.headersSent && databaseUnavailableCause(error)) {
        answerUnavailable(res);
        return;
      }
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
  return enableGracefulClose(server);
}

/**
 * The file endpoints, then the web apps, for the tenant of the request's Host: its
 * sessions only (docs/SECURITY.md §133), its slug in the page.
 */
async function answerElse(req: IncomingMessage, res: ServerResponse, serverDeps: ServerDeps) {
  const path = req.url ?? '/';
  // Looked up only for the API's files and the pages: assets are served without the database.
  const host = () => serverDeps.hostTenants.resolve(req.headers.host);
  const deps = path.startsWith('/api/') ? hostBoundDeps(serverDeps, await host()) : serverDeps;
  let handled = false;
  if (path.startsWith('/api/queues/')) {
    handled =
      (await queueExportHttpHandler(req, res, deps)) ||
      (await exportDownloadHttpHandler(req, res, deps));
  }
  // Its own bounded body (20 MB, admins only), not the API's 2 MiB: docs/SECURITY.md §117.
  else if (path.startsWith(REFERENCE_TABLES_PATH))
    handled = await referenceTablesHttpHandler(req, res, deps);
  else if (path.startsWith('/api/')) {
    handled =
      (await documentsHttpHandler(req, res, deps)) ||
      (await attachmentsHttpHandler(req, res, deps));
  } else if (path.startsWith(VALIDATORS_PATH))
    handled = await validatorsHttpHandler(req, res, deps.database.db);
  if (handled || (await serveStatic(req, res, deps.config.webRoot, host))) return;
  res.statusCode = 404;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.end('Page introuvable.');
}

/** Readiness: 200 when the database answers and the server is not shutting down. */
async function answerReadiness(server: Server, deps: ServerDeps, res: ServerResponse) {
  const ready = !isClosing(server) && (await databaseAnswers(deps.database));
  if (!ready) {
    answerUnavailable(res);
    return;
  }
  res.setHeader('Content-Type', 'application/json');
  res.end(JSON.stringify({ ok: true }));
}
