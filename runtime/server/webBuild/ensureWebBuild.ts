import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { WEB_OUT_DIR } from './webApps.ts';

/** What the web build reads: a change to any of them makes the built apps stale. */
const WEB_SOURCES = [
  'runtime/web',
  'designer',
  'shared',
  'vite.config.ts',
  'runtime/server/webBuild/webApps.ts',
  'package-lock.json',
];

export interface WebBuildOptions {
  /** Repository root (the sources and vite.config.ts); defaults to the working directory. */
  root?: string;
  /** Where the apps are built; defaults to `dist/web` under the root. */
  outDir?: string;
}

/**
 * `npm start`'s first step: builds the three web apps with vite when their output is
 * missing or older than any web source, and returns the folder to serve. Up to date, it
 * only compares modification times (vite is not even loaded).
 *
 * @example
 * const webRoot = await ensureWebBuild();
 */
export async function ensureWebBuild(options: WebBuildOptions = {}): Promise<string> {
  const root = resolve(options.root ?? '.');
  const outDir = resolve(root, options.outDir ?? WEB_OUT_DIR);
  const built = await stat(join(outDir, 'index.html')).catch(() => null);
  if (built && built.mtimeMs >= (await newestModification(root, WEB_SOURCES))) return outDir;
  console.log('Construction des applications web (vite)…');
  // Always the production build: under a test runner NODE_ENV is `test`, which would
  // ship React's development version (and its dev JSX runtime) to the browser journeys.
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    const { build } = await import('vite');
    await build({
      root,
      configFile: join(root, 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir },
    });
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
  return outDir;
}

/** The latest modification time among `paths` (folders walked), 0 if none exists. */
async function newestModification(root: string, paths: readonly string[]): Promise<number> {
  let newest = 0;
  for (const path of paths) {
    const full = join(root, path);
    const info = await stat(full).catch(() => null);
    if (!info) continue;
    newest = Math.max(newest, info.mtimeMs);
    if (!info.isDirectory()) continue;
    const entries = await readdir(full, { recursive: true, withFileTypes: true });
    const times = await Promise.all(
      entries.map((entry) => stat(join(entry.parentPath, entry.name)).then((s) => s.mtimeMs)),
    );
    newest = Math.max(newest, ...times);
  }
  return newest;
}
