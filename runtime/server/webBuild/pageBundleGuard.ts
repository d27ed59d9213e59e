import type { Plugin } from 'vite';
import { type BuiltChunk, chunksLoaded, entryChunk, forbiddenModules } from './bundleGraph.ts';

/** The studio's editors: never on a citizen's or an agent's page, even lazily. */
const STUDIO_ONLY = [/[\\/]node_modules[\\/](monaco-editor|@xyflow)[\\/]/];

/**
 * What each app's pages must never load. The citizen's browser never compiles a schema
 * (validators come precompiled from the server, docs/SECURITY.md §60), so neither ajv nor
 * RJSF's ajv validator belongs in its bundle.
 */
export const FORBIDDEN_BY_APP: Readonly<Record<string, readonly RegExp[]>> = {
  citizen: [
    ...STUDIO_ONLY,
    /[\\/]node_modules[\\/](ajv|ajv-formats|@rjsf[\\/]validator-ajv8)[\\/]/,
  ],
  agent: STUDIO_ONLY,
};

/** The bundler's output, as the pure graph functions read it. */
export function builtChunks(bundle: Record<string, unknown>): Map<string, BuiltChunk> {
  const chunks = new Map<string, BuiltChunk>();
  for (const output of Object.values(bundle) as Array<BuiltChunk & { type: string }>) {
    if (output.type === 'chunk') chunks.set(output.fileName, output);
  }
  return chunks;
}

/**
 * Fails the build when an app's pages could load a module listed for it above, statically
 * or lazily: so the check runs wherever the apps are built (`npm start`, the journeys).
 */
export function pageBundleGuard(): Plugin {
  return {
    name: 'guichet:page-bundle-guard',
    generateBundle(_options, bundle) {
      const chunks = builtChunks(bundle);
      for (const [app, forbidden] of Object.entries(FORBIDDEN_BY_APP)) {
        const entry = entryChunk(chunks, app);
        if (!entry) continue;
        const loaded = chunksLoaded(chunks, [entry.fileName], { lazily: true });
        const found = forbiddenModules(chunks, loaded, forbidden);
        if (found.length > 0) {
          const named = found.slice(0, 5).map((hit) => `${hit.module} (${hit.chunk})`);
          this.error(
            `The ${app} pages would load ${named.join(', ')}${found.length > 5 ? ` and ${found.length - 5} more` : ''}`,
          );
        }
      }
    },
  };
}
