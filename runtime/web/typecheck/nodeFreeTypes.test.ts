import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repoRoot = resolve(import.meta.dirname, '../../..');
const fixtures = join(import.meta.dirname, 'typecheckFixtures');

let scratch: string;

/**
 * Typechecks one file with the web apps' compiler options (tsconfig.web.json) through
 * the project's own tsc, as `npm run check` does, and returns its exit code and output.
 */
async function typecheckAsWebFile(fixture: string): Promise<{ code: number; output: string }> {
  const config = join(scratch, `${fixture}.tsconfig.json`);
  await writeFile(
    config,
    JSON.stringify({
      extends: join(repoRoot, 'tsconfig.web.json'),
      compilerOptions: {
        composite: false,
        emitDeclarationOnly: false,
        incremental: false,
        noEmit: true,
        rootDir: repoRoot,
      },
      include: [],
      files: [join(fixtures, fixture)],
    }),
  );
  const tsc = join(repoRoot, 'node_modules/.bin/tsc');
  try {
    const { stdout } = await run(tsc, ['-p', config, '--pretty', 'false']);
    return { code: 0, output: stdout };
  } catch (failure) {
    const { code, stdout } = failure as { code: number; stdout: string };
    return { code, output: stdout };
  }
}

describe('the web apps typecheck without Node', () => {
  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'guichet-webtypes-'));
  });
  afterAll(() => rm(scratch, { recursive: true, force: true }));

  it('rejects Buffer and process in a web file', async () => {
    const result = await typecheckAsWebFile('usesNodeGlobals.ts');
    expect(result.code).not.toBe(0);
    expect(result.output).toContain("Cannot find name 'Buffer'");
    expect(result.output).toContain("Cannot find name 'process'");
  });

  it('accepts the DOM and ES2023 globals', async () => {
    const result = await typecheckAsWebFile('usesBrowserGlobals.ts');
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  });
});
