import type { Plugin } from 'vite';
import { chunksLoaded, entryChunk, lazyChunkOf } from './bundleGraph.ts';
import { builtChunks } from './pageBundleGuard.ts';

/** Written beside the apps' HTML; `http/routePreloadLinks.ts` reads it. */
export const ROUTE_PRELOADS_FILE = 'route-preloads.json';

/** Scripts a page at `path` (a regular expression's source) imports at once. */
export interface RoutePreload {
  path: string;
  modules: string[];
}

/**
 * Pages whose code is a lazy chunk the entry only asks for once it runs: the citizen's
 * form page (RJSF and the form's widgets). Their addresses are the client's routes
 * (runtime/web/citizen/paths.ts).
 */
const LAZY_PAGES = [
  { app: 'citizen', path: '^/dossiers/[^/]+/remplir$', module: 'citizen/filling/FillPage.tsx' },
];

/**
 * Lists, for each page above, its chunk and the chunks it imports that its app's entry
 * does not, so the server can announce them with the HTML (`Link: rel=modulepreload`)
 * and the browser fetches them beside the entry instead of after it has run.
 */
export function routePreloads(): Plugin {
  return {
    name: 'guichet:route-preloads',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = builtChunks(bundle);
      const routes: RoutePreload[] = [];
      for (const page of LAZY_PAGES) {
        const entry = entryChunk(chunks, page.app);
        const chunk = lazyChunkOf(chunks, page.module);
        if (!entry || !chunk) continue;
        const loaded = chunksLoaded(chunks, [entry.fileName], { lazily: false });
        const modules = [...chunksLoaded(chunks, [chunk.fileName], { lazily: false })]
          .filter((fileName) => !loaded.has(fileName))
          .map((fileName) => `/${fileName}`);
        routes.push({ path: page.path, modules });
      }
      this.emitFile({
        type: 'asset',
        fileName: ROUTE_PRELOADS_FILE,
        source: JSON.stringify(routes),
      });
    },
  };
}
