/** A chunk of a build as the bundler describes it (rollup/rolldown's `OutputChunk`, trimmed). */
export interface BuiltChunk {
  fileName: string;
  /** The input's name for an entry chunk (`citizen`), else the chunk's own. */
  name: string;
  isEntry: boolean;
  /** The module a lazy chunk stands for (`…/FillPage.tsx`), when it stands for one. */
  facadeModuleId: string | null;
  imports: readonly string[];
  dynamicImports: readonly string[];
  moduleIds: readonly string[];
}

/**
 * The chunks a page loads from `start`: the start chunks and what they import, and with
 * `lazily` what they may import later (`import()`) too.
 *
 * @example
 * chunksLoaded(chunks, ['assets/citizen-x.js'], { lazily: false }); // the catalogue's scripts
 */
export function chunksLoaded(
  chunks: ReadonlyMap<string, BuiltChunk>,
  start: readonly string[],
  { lazily }: { lazily: boolean },
): Set<string> {
  const seen = new Set<string>();
  const queue = [...start];
  while (queue.length > 0) {
    const fileName = queue.pop()!;
    if (seen.has(fileName)) continue;
    const chunk = chunks.get(fileName);
    if (!chunk) continue;
    seen.add(fileName);
    queue.push(...chunk.imports);
    if (lazily) queue.push(...chunk.dynamicImports);
  }
  return seen;
}

/** The entry chunk of an input (`citizen`), or undefined. */
export function entryChunk(
  chunks: ReadonlyMap<string, BuiltChunk>,
  name: string,
): BuiltChunk | undefined {
  return [...chunks.values()].find((chunk) => chunk.isEntry && chunk.name === name);
}

/** The lazy chunk standing for a module whose path ends with `suffix`. */
export function lazyChunkOf(
  chunks: ReadonlyMap<string, BuiltChunk>,
  suffix: string,
): BuiltChunk | undefined {
  return [...chunks.values()].find((chunk) => chunk.facadeModuleId?.endsWith(suffix) ?? false);
}

/** A module a page must never load, and the chunk that carries it. */
export interface ForbiddenModule {
  chunk: string;
  module: string;
}

/**
 * Modules of `fileNames` whose id matches one of `forbidden`.
 *
 * @example
 * forbiddenModules(chunks, loaded, [/\/node_modules\/monaco-editor\//]);
 */
export function forbiddenModules(
  chunks: ReadonlyMap<string, BuiltChunk>,
  fileNames: Iterable<string>,
  forbidden: readonly RegExp[],
): ForbiddenModule[] {
  const found: ForbiddenModule[] = [];
  for (const fileName of fileNames) {
    for (const module of chunks.get(fileName)?.moduleIds ?? []) {
      if (forbidden.some((pattern) => pattern.test(module)))
        found.push({ chunk: fileName, module });
    }
  }
  return found;
}
