import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROUTE_PRELOADS_FILE, type RoutePreload } from '../webBuild/routePreloads.ts';

/** Per served folder: a build does not change under a running server. */
const known = new Map<string, Promise<Array<{ path: RegExp; link: string }>>>();

/**
 * The `Link` header announcing the scripts of the page at `pathname` (its lazy chunk,
 * listed by the build: webBuild/routePreloads.ts), or null: the browser fetches them
 * while the entry loads, instead of once it has run.
 *
 * @example
 * const link = await routePreloadLink('dist/web', '/dossiers/42/remplir');
 * // '</assets/FillPage-x.js>; rel=modulepreload; crossorigin, …'
 */
export async function routePreloadLink(root: string, pathname: string): Promise<string | null> {
  let routes = known.get(root);
  if (!routes) {
    routes = readFile(join(root, ROUTE_PRELOADS_FILE), 'utf8')
      .then((text) =>
        (JSON.parse(text) as RoutePreload[]).map((route) => ({
          path: new RegExp(route.path),
          link: route.modules
            .map((module) => `<${module}>; rel=modulepreload; crossorigin`)
            .join(', '),
        })),
      )
      .catch(() => []);
    known.set(root, routes);
  }
  const route = (await routes).find((candidate) => candidate.path.test(pathname));
  return route?.link || null;
}
