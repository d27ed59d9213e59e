import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Every script a built page can load, statically or lazily: the page's own `/assets/…`
 * scripts, then, transitively, each relative `./x.js` a script names. Tests use it to
 * prove the studio's heavy editors (monaco, xyflow) never reach the citizen or agent pages.
 *
 * @example
 * const files = await reachableAssets('dist/web', 'index.html');
 */
export async function reachableAssets(outDir: string, page: string): Promise<Map<string, string>> {
  const html = await readFile(join(outDir, page), 'utf8');
  const queue = [...html.matchAll(/(?:src|href)="\/assets\/([\w.-]+\.js)"/g)].map((m) => m[1]!);
  const seen = new Map<string, string>();
  while (queue.length > 0) {
    const name = queue.pop()!;
    if (seen.has(name)) continue;
    const code = await readFile(join(outDir, 'assets', name), 'utf8');
    seen.set(name, code);
    for (const match of code.matchAll(/["'`]\.\/([\w.-]+\.js)["'`]/g)) queue.push(match[1]!);
  }
  return seen;
}
