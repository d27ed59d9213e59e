import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { build, type Plugin } from 'vite';

const ROOT = resolve(import.meta.dirname, '../..');

/** The preview's HTML goes where the studio's page goes, so it is served as the studio is. */
function atStudioUrl(): Plugin {
  return {
    name: 'guichet:preview-at-studio-url',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const output of Object.values(bundle))
        if (output.fileName.endsWith('preview/index.html')) output.fileName = 'studio/index.html';
    },
  };
}

/**
 * Builds the studio editors' preview page (`designer/testing/preview/`) alone into `outDir`, at the studio's URL
 * (`<outDir>/studio/index.html`), with the same plugin and options as the apps' build.
 *
 * @example
 * await buildEditorsPreview('/tmp/apercu');
 */
export async function buildEditorsPreview(outDir: string): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'warn',
    root: ROOT,
    plugins: [react(), atStudioUrl()],
    base: '/',
    build: {
      outDir,
      emptyOutDir: true,
      modulePreload: { polyfill: false },
      rollupOptions: { input: resolve(ROOT, 'designer/testing/preview/index.html') },
    },
  });
}
