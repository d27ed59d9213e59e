import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { attachmentsRoot, storeBytes } from '../../attachments/index.ts';
import type { StoredFile } from '../effectDeps.ts';

/**
 * A real attachments store in a fresh temporary folder, for `EffectDeps.storeFile`.
 *
 * @example
 * const files = tempFileStore();
 * performEffect({ ...deps, storeFile: files.storeFile }, job);
 */
export function tempFileStore(): {
  root: string;
  storeFile: (bytes: Uint8Array) => Promise<StoredFile>;
} {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'guichet-effects-')), 'pglite');
  const root = attachmentsRoot({ dataDir });
  return { root, storeFile: (bytes) => storeBytes(root, bytes) };
}
