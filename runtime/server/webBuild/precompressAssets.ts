import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Text assets worth compressing (fonts in woff2 and images already are). */
const COMPRESSIBLE = /\.(js|css|svg|json|ttf|txt)$/;
/** Below this size the headers weigh more than what compression saves. */
const MIN_BYTES = 1024;
/** Brotli's best level takes seconds on the studio's large chunks: those get a faster one. */
const LARGE_BYTES = 256 * 1024;

/** Whether the build writes `.br` and `.gz` copies of an output file. */
export function isPrecompressed(fileName: string, bytes: number): boolean {
  return fileName.startsWith('assets/') && COMPRESSIBLE.test(fileName) && bytes >= MIN_BYTES;
}

/**
 * Writes a brotli and a gzip copy beside each hashed text asset, once at build time, so
 * the server sends a citizen on a phone line 90 KB of script instead of 300
 * (`serveStatic` picks the copy the browser accepts); nothing is compressed per request.
 */
export function precompressAssets(): Plugin {
  return {
    name: 'guichet:precompress-assets',
    apply: 'build',
    async writeBundle(options, bundle) {
      const outDir = options.dir;
      if (!outDir) return;
      await Promise.all(
        Object.keys(bundle).map(async (fileName) => {
          const path = join(outDir, fileName);
          const content = await readFile(path).catch(() => null);
          if (!content || !isPrecompressed(fileName, content.length)) return;
          const quality = content.length > LARGE_BYTES ? 5 : constants.BROTLI_MAX_QUALITY;
          const [br, gz] = await Promise.all([
            brotli(content, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: quality,
                [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
              },
            }),
            gzipAsync(content, { level: 9 }),
          ]);
          await Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gz)]);
        }),
      );
    },
  };
}
