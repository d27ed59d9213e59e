import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { InlineConfig } from 'vite';
import {
  type BuiltChunk,
  chunksLoaded,
  entryChunk,
  lazyChunkOf,
} from '../../runtime/server/webBuild/bundleGraph.ts';
import { builtChunks } from '../../runtime/server/webBuild/pageBundleGuard.ts';

/**
 * bench:form's builds: the bench page as production builds the apps, stock RJSF as
 * published beside it, and the weight of what a citizen's pages load.
 */
/** The repository's root, where vite.config.ts is. */
export const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Our plugins and alias that change how RJSF itself behaves in the browser builds (its
 * URI parser and decimal separator replaced, its layout fields made lazy, markdown shown
 * as plain text). The stock renderer is built without them: it is RJSF as published.
 */
const OUR_RJSF_CHANGES = ['guichet:rjsf-stand-ins', 'guichet:rjsf-layout-fields-lazy'];

/** Where the stock build is served from, beside ours. */
export const STOCK_BASE = '/stock/';

/**
 * The production build (vite.config.ts, NODE_ENV=production), with another input if
 * asked; `stock` builds without our changes to RJSF, addressed under `STOCK_BASE`.
 */
export async function buildWith(
  outDir: string,
  input?: Record<string, string>,
  options: { stock?: boolean } = {},
): Promise<Map<string, BuiltChunk>> {
  const { build, loadConfigFromFile } = await import('vite');
  const loaded = await loadConfigFromFile(
    { command: 'build', mode: 'production' },
    join(ROOT, 'vite.config.ts'),
    ROOT,
  );
  if (!loaded) throw new Error('vite.config.ts not found');
  let chunks = new Map<string, BuiltChunk>();
  const nameOf = (plugin: unknown) =>
    plugin && typeof plugin === 'object' && 'name' in plugin ? String(plugin.name) : '';
  const all = loaded.config.plugins ?? [];
  // A plugin renamed in vite.config.ts would otherwise stay in the stock build unseen.
  const missing = OUR_RJSF_CHANGES.filter((name) => !all.some((plugin) => nameOf(plugin) === name));
  if (missing.length > 0) throw new Error(`bench: no plugin named ${missing.join(', ')}`);
  const plugins = all.filter(
    (plugin) => !options.stock || !OUR_RJSF_CHANGES.includes(nameOf(plugin)),
  );
  const config: InlineConfig = {
    ...loaded.config,
    configFile: false,
    root: ROOT,
    mode: 'production',
    logLevel: 'warn',
    ...(options.stock ? { base: STOCK_BASE, resolve: {} } : {}),
    plugins: [
      ...plugins,
      {
        name: 'bench:chunks',
        generateBundle(_options, bundle) {
          chunks = builtChunks(bundle);
        },
      },
    ],
    build: {
      ...loaded.config.build,
      outDir,
      emptyOutDir: true,
      ...(input ? { rollupOptions: { input } } : {}),
    },
  };
  await build(config);
  return chunks;
}

/** Gzipped kilobytes of the built files named. */
async function gzippedKb(outDir: string, fileNames: Iterable<string>): Promise<number> {
  let bytes = 0;
  for (const fileName of fileNames) {
    bytes += gzipSync(await readFile(join(outDir, fileName)), { level: 9 }).length;
  }
  return bytes / 1024;
}

/** What the citizen's pages load: the catalogue (the entry), a form page (plus FillPage). */
export async function citizenWeight(): Promise<{ formPage: number; catalogue: number }> {
  const outDir = await mkdtemp(join(tmpdir(), 'guichet-bench-web-'));
  try {
    const chunks = await buildWith(outDir);
    const entry = entryChunk(chunks, 'citizen');
    const fillPage = lazyChunkOf(chunks, 'citizen/filling/FillPage.tsx');
    if (!entry || !fillPage) throw new Error('citizen entry or FillPage chunk not found');
    const catalogue = chunksLoaded(chunks, [entry.fileName], { lazily: false });
    const formPage = chunksLoaded(chunks, [entry.fileName, fillPage.fileName], { lazily: false });
    return {
      formPage: await gzippedKb(outDir, formPage),
      catalogue: await gzippedKb(outDir, catalogue),
    };
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}
