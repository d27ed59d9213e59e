import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The repository explains itself: every path a document names exists, every security
 * promise a comment cites exists, and nothing points at files outside the repository.
 */
const ROOT = join(import.meta.dirname, '..');
const SKIPPED = new Set(['node_modules', 'dist', '.data', '.git', 'coverage', 'test-results']);
const TOP_FOLDERS = ['shared/', 'runtime/', 'designer/', 'templates/', 'e2e/', 'docs/', '.ci/'];

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    if (SKIPPED.has(entry.name)) return [];
    const path = join(folder, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

const files = filesUnder(ROOT).map((path) => relative(ROOT, path));
const documents = files.filter((file) => file.endsWith('.md'));
const sources = files.filter((file) => /\.(ts|tsx|cjs|js|sql|html|css)$/.test(file));
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

/** Paths in backticks or links that name something of this repository. */
function namedPaths(text: string): string[] {
  const candidates = [
    ...[...text.matchAll(/`([^`\s]+)`/g)].map((match) => match[1] ?? ''),
    ...[...text.matchAll(/\]\(([^)\s#]+)/g)].map((match) => match[1] ?? ''),
  ];
  return candidates
    .map((candidate) => candidate.replace(/[:#].*$/, ''))
    .filter((candidate) => TOP_FOLDERS.some((folder) => candidate.startsWith(folder)))
    .filter((candidate) => !/[*<>{}$]|NNNN|…/.test(candidate));
}

function resolves(document: string, path: string): boolean {
  const fromRoot = join(ROOT, path);
  const fromDocument = join(ROOT, document, '..', path);
  return existsSync(fromRoot) || existsSync(fromDocument);
}

describe('cross-references', () => {
  it('every path named by a document exists in the repository', () => {
    const broken = documents.flatMap((document) =>
      namedPaths(read(document))
        .filter((path) => !resolves(document, path))
        .map((path) => `${document}: ${path}`),
    );
    expect(broken).toEqual([]);
  });

  it('every security promise cited in the code is a section of docs/SECURITY.md', () => {
    const promises = new Set(
      [...read('docs/SECURITY.md').matchAll(/^\*\*§(\d+) /gm)].map((match) => match[1]),
    );
    const cited = sources.flatMap((file) =>
      [...read(file).matchAll(/docs\/SECURITY\.md §(\d+)/g)].map((match) => ({
        file,
        section: match[1],
      })),
    );
    expect(cited.length).toBeGreaterThan(20);
    expect(cited.filter(({ section }) => !promises.has(section))).toEqual([]);
  });

  it('nothing points at guidance outside the repository', () => {
    // `../shared/` is how templates/ imports the project's own shared/ in code; in prose
    // it could only mean a folder beside the repository.
    const outsideInProse = /\.\.\/shared\//;
    const outside =
      /\b(DESIGN|STYLE)(\.md)? ?§|(DESIGN|STYLE)\.md|(?<!docs\/)SECURITY(\.md)? (§|item)/;
    const offenders = [...documents, ...sources]
      .filter((file) => file !== 'docs/crossReferences.test.ts')
      .flatMap((file) =>
        read(file)
          .split('\n')
          .map((line, index) => ({ line, at: `${file}:${index + 1}` }))
          .filter(
            ({ line }) => outside.test(line) || (file.endsWith('.md') && outsideInProse.test(line)),
          )
          .map(({ at, line }) => `${at}: ${line.trim()}`),
      );
    expect(offenders).toEqual([]);
  });
});
