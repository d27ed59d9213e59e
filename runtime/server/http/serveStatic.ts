import { createReadStream, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename, extname, join, normalize, resolve, sep } from 'node:path';
import { type AnswerEncoding, acceptedEncodings } from '../core/compressAnswer.ts';
import { builtHtmlOf, webAppFor } from '../webBuild/webApps.ts';
import { sendAppPage } from './appPage.ts';
import { queueLandingPreload } from './queueLandingPreload.ts';
import { routePreloadLink } from './routePreloadLinks.ts';
import { SIMULATION_WORKER_POLICY } from './securityHeaders.ts';
import { isStudioPage, sendStudioPage } from './studioPage.ts';
import { withTenantMeta } from './tenantMeta.ts';

const MEDIA_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves the built web apps from `root` (see webBuild/webApps.ts). An unknown path
 * without an extension gets its app's `index.html` (`/agent/dossiers/42` → the agent
 * app) for client-side routing, with a `Link` header announcing its page's lazy scripts
 * (`routePreloadLinks.ts`); the agents' queue also announces its first API calls
 * (`queueLandingPreload.ts`). Hashed assets are cached for a year; HTML is never stored,
 * so a new build is picked up at once. The studio's page gets its own style nonce
 * (`studioPage.ts`). Given `pageTenant` (the server always gives it), every page says
 * which tenant it serves (`tenantMeta.ts`), and an address with no tenant gets no page
 * but a 404 (docs/SECURITY.md §133). Returns false when nothing was served so the
 * caller can answer 404.
 *
 * @example
 * if (!(await serveStatic(req, res, 'dist/web', () => hosts.resolve(req.headers.host)))) notFound(res);
 */
export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  root: string,
  pageTenant?: () => Promise<{ slug: string } | null>,
): Promise<boolean> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const base = resolve(root);
  const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  let file = resolve(join(base, normalize(pathname)));
  if (file !== base && !file.startsWith(base + sep)) return false;
  let info = await stat(file).catch(() => null);
  if (info?.isDirectory()) {
    file = join(file, 'index.html');
    info = await stat(file).catch(() => null);
  }
  if (!info && extname(pathname) === '') {
    file = join(base, builtHtmlOf(webAppFor(pathname)));
    info = await stat(file).catch(() => null);
    const preload = await routePreloadLink(base, pathname);
    if (preload) res.setHeader('Link', preload);
  }
  if (!info?.isFile()) return false;
  const landing = extname(file) === '.html' ? queueLandingPreload(req) : null;
  if (landing) res.appendHeader('Link', landing);
  let rewrite = (html: string) => html;
  if (pageTenant !== undefined && extname(file) === '.html') {
    const tenant = await pageTenant();
    if (tenant === null) return noTenantHere(res);
    rewrite = (html) => withTenantMeta(html, tenant.slug);
  }
  if (isStudioPage(base, file)) {
    await sendStudioPage(res, file, req.method, rewrite);
    return true;
  }
  if (pageTenant !== undefined && extname(file) === '.html') {
    await sendAppPage(res, file, req.method, rewrite);
    return true;
  }
  if (isSimulationWorker(base, file)) {
    res.setHeader('Content-Security-Policy', SIMULATION_WORKER_POLICY);
  }
  res.setHeader('Content-Type', MEDIA_TYPES[extname(file)] ?? 'application/octet-stream');
  res.setHeader('Cache-Control', cachePolicyOf(file));
  let size = info.size;
  if (isHashedAsset(file)) {
    res.setHeader('Vary', 'Accept-Encoding');
    const copy = await compressedCopy(file, req.headers['accept-encoding']);
    if (copy) {
      res.setHeader('Content-Encoding', copy.encoding);
      file = copy.file;
      size = copy.info.size;
    }
  }
  res.setHeader('Content-Length', size);
  if (req.method === 'HEAD') {
    res.end();
    return true;
  }
  await new Promise<void>((done, fail) => {
    createReadStream(file).on('error', fail).pipe(res).on('finish', done);
  });
  return true;
}

/** An address that is no tenant's, with no default tenant: no app, the same 404 as elsewhere. */
function noTenantHere(res: ServerResponse): true {
  res.statusCode = 404;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end('Aucune collectivité ne répond à cette adresse.');
  return true;
}

/**
 * Hashed build assets never change under their name; everything else (HTML first) is
 * `no-store`, like every other answer: `no-cache` still lets a shared computer's disk
 * cache keep a copy of the page.
 */
function cachePolicyOf(file: string): string {
  if (isHashedAsset(file)) return 'public, max-age=31536000, immutable';
  return 'no-store';
}

function isHashedAsset(file: string): boolean {
  return file.includes(`${sep}assets${sep}`);
}

/** The copies the build writes beside assets (webBuild/precompressAssets.ts). */
const SUFFIXES: Record<AnswerEncoding, string> = { br: '.br', gzip: '.gz' };

/**
 * The build's brotli or gzip copy of an asset when the browser accepts it (a `q=0`
 * refuses), else null: the file is sent as it is.
 */
async function compressedCopy(
  file: string,
  acceptEncoding: string | undefined,
): Promise<{ encoding: string; file: string; info: Stats } | null> {
  for (const encoding of acceptedEncodings(acceptEncoding)) {
    const copy = file + SUFFIXES[encoding];
    const info = await stat(copy).catch(() => null);
    if (info?.isFile()) return { encoding, file: copy, info };
  }
  return null;
}

/**
 * The studio's simulation worker as Vite names it (`assets/simulation.worker-<hash>.js`):
 * the one script that gets its own policy (docs/SECURITY.md §84).
 */
function isSimulationWorker(base: string, file: string): boolean {
  return (
    file.startsWith(join(base, 'assets') + sep) &&
    /^simulation\.worker-[A-Za-z0-9_-]+\.js$/.test(basename(file))
  );
}
