import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { pageBundleGuard } from './runtime/server/webBuild/pageBundleGuard.ts';
import { precompressAssets } from './runtime/server/webBuild/precompressAssets.ts';
import { rjsfLayoutFieldsLazy } from './runtime/server/webBuild/rjsfLayoutFieldsLazy.ts';
import { routePreloads } from './runtime/server/webBuild/routePreloads.ts';
import { builtHtmlOf, WEB_APPS, WEB_OUT_DIR } from './runtime/server/webBuild/webApps.ts';

/**
 * Vite names an HTML output after its source path (`runtime/web/agent/index.html`);
 * this moves each one to its app's URL (`agent/index.html`). Assets are addressed from
 * the root (`/assets/…`), so moving the HTML breaks no link.
 */
function htmlAtAppUrls(): Plugin {
  const targets = new Map<string, string>(WEB_APPS.map((app) => [app.entry, builtHtmlOf(app)]));
  return {
    name: 'guichet:html-at-app-urls',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        const target = targets.get(output.fileName);
        if (target) output.fileName = target;
      }
    },
  };
}

/**
 * Two of @rjsf/utils' imports go, in the browser builds only, to stand-ins that keep the
 * citizen's form page lighter and faster:
 * - `fast-uri`, with which it resolves `$ref`s: a second URI parser the browser does not
 *   need (runtime/web/forms/uriStandIn.ts, on the browser's URL);
 * - its own `getDecimalSeparator`, which built an `Intl.NumberFormat` at every render of
 *   every number field (runtime/web/forms/decimalSeparatorStandIn.ts, remembered per
 *   locale list).
 */
function rjsfStandIns(): Plugin {
  const standIns: Record<string, string> = {
    'fast-uri': fileURLToPath(new URL('./runtime/web/forms/uriStandIn.ts', import.meta.url)),
    './getDecimalSeparator.js': fileURLToPath(
      new URL('./runtime/web/forms/decimalSeparatorStandIn.ts', import.meta.url),
    ),
  };
  return {
    name: 'guichet:rjsf-stand-ins',
    apply: 'build',
    enforce: 'pre',
    resolveId(source, importer) {
      const standIn = standIns[source];
      if (standIn && importer && /[\\/]@rjsf[\\/]utils[\\/]/.test(importer)) return standIn;
      return null;
    },
  };
}

// One config for the web builds and the test runner. Integration tests share one
// database per file, so files run in parallel but tests inside a file run in order.
export default defineConfig({
  plugins: [
    react(),
    rjsfStandIns(),
    rjsfLayoutFieldsLazy(),
    htmlAtAppUrls(),
    pageBundleGuard(),
    routePreloads(),
    precompressAssets(),
  ],
  base: '/',
  resolve: {
    // RJSF renders descriptions with markdown-to-jsx, which also renders inline HTML:
    // our forms show them as plain text (runtime/web/forms/plainTextMarkdown.tsx).
    alias: {
      'markdown-to-jsx/react': fileURLToPath(
        new URL('./runtime/web/forms/plainTextMarkdown.tsx', import.meta.url),
      ),
    },
  },
  build: {
    outDir: WEB_OUT_DIR,
    emptyOutDir: true,
    // The polyfill would be inlined; the CSP has no 'unsafe-inline' and the browsers we
    // serve all support modulepreload.
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: Object.fromEntries(WEB_APPS.map((app) => [app.name, app.entry])),
      // tRPC's packages do not declare `sideEffects: false`, so their index's re-exports
      // kept modules the apps never call (the WebSocket link: ~1 KB gz on the citizen's
      // form page). None of their modules changes anything at load; the journeys run on
      // this build.
      treeshake: {
        moduleSideEffects: (id: string) => !/[\\/]node_modules[\\/]@trpc[\\/]/.test(id),
      },
    },
  },
  test: {
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['**/node_modules/**', '**/dist/**', 'e2e/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
