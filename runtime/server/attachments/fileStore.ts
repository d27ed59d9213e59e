import { createHash, randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { ServerConfig } from '../core/config.ts';

/**
 * Where uploaded files live: a `files/` folder beside the PGlite data folder
 * (`.data/pglite` → `.data/files`). Not inside it: PGlite's first start runs initdb,
 * which wants an empty folder. One function, so an S3-compatible store can replace it.
 *
 * @example
 * attachmentsRoot({ ...config, dataDir: '.data/pglite' }); // '<cwd>/.data/files'
 */
export function attachmentsRoot(config: Pick<ServerConfig, 'dataDir'>): string {
  return join(dirname(resolve(config.dataDir)), 'files');
}

/** Path of the file whose SHA-256 is `sha256`, fanned out by its first two hex digits. */
export function storedPath(root: string, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('guichet: not a sha256 storage key');
  return join(root, sha256.slice(0, 2), sha256);
}

/** A fresh temporary path on the same file system as the store, so `rename` is atomic. */
export async function temporaryPath(root: string): Promise<string> {
  const folder = join(root, 'tmp');
  await mkdir(folder, { recursive: true });
  return join(folder, `${Date.now()}-${randomBytes(8).toString('hex')}.part`);
}

/**
 * Moves a fully written temporary file to its content address. The same content
 * uploaded twice is stored once; `rename` replaces atomically, so a reader never sees
 * half a file.
 *
 * @example
 * const key = await commitFile(root, tempPath, sha256);
 */
export async function commitFile(root: string, tempPath: string, sha256: string): Promise<string> {
  const target = storedPath(root, sha256);
  if (await exists(target)) {
    await rm(tempPath, { force: true });
    return sha256;
  }
  await mkdir(dirname(target), { recursive: true });
  await rename(tempPath, target);
  return sha256;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** A file the server made itself (a letter's PDF), as the store keeps it. */
export interface StoredBytes {
  sha256: string;
  storageKey: string;
  sizeBytes: number;
}

/**
 * Stores bytes the server produced by their SHA-256, like an upload: written to a
 * temporary file, then renamed to its content address (the same bytes are kept once).
 *
 * @example
 * const stored = await storeBytes(attachmentsRoot(config), pdf); // { sha256, storageKey, sizeBytes }
 */
export async function storeBytes(root: string, bytes: Uint8Array): Promise<StoredBytes> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const temp = await temporaryPath(root);
  await writeFile(temp, bytes);
  const storageKey = await commitFile(root, temp, sha256);
  return { sha256, storageKey, sizeBytes: bytes.byteLength };
}
