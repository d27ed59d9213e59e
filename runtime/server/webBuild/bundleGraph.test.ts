import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  type BuiltChunk,
  chunksLoaded,
  entryChunk,
  forbiddenModules,
  lazyChunkOf,
} from './bundleGraph.ts';
import { FORBIDDEN_BY_APP } from './pageBundleGuard.ts';
import { LAZY_FIELDS, lazyLayoutFields } from './rjsfLayoutFieldsLazy.ts';

function chunk(fileName: string, parts: Partial<BuiltChunk>): [string, BuiltChunk] {
  return [
    fileName,
    {
      fileName,
      name: fileName,
      isEntry: false,
      facadeModuleId: null,
      imports: [],
      dynamicImports: [],
      moduleIds: [],
      ...parts,
    },
  ];
}

const chunks = new Map([
  chunk('citizen.js', {
    name: 'citizen',
    isEntry: true,
    imports: ['react.js'],
    dynamicImports: ['fill.js'],
  }),
  chunk('react.js', { moduleIds: ['/r/node_modules/react-dom/index.js'] }),
  chunk('fill.js', {
    facadeModuleId: '/r/runtime/web/citizen/filling/FillPage.tsx',
    imports: ['rjsf.js'],
    dynamicImports: ['grid.js'],
  }),
  chunk('rjsf.js', { moduleIds: ['/r/node_modules/@rjsf/core/lib/index.js'] }),
  chunk('grid.js', { moduleIds: ['/r/node_modules/ajv/dist/core.js'] }),
]);

describe('what a built page loads', () => {
  it('follows static imports, and lazy ones when asked', () => {
    const entry = entryChunk(chunks, 'citizen')!;
    expect([...chunksLoaded(chunks, [entry.fileName], { lazily: false })].sort()).toEqual([
      'citizen.js',
      'react.js',
    ]);
    const fill = lazyChunkOf(chunks, 'filling/FillPage.tsx')!;
    expect(
      [...chunksLoaded(chunks, ['citizen.js', fill.fileName], { lazily: false })].sort(),
    ).toEqual(['citizen.js', 'fill.js', 'react.js', 'rjsf.js']);
    expect(chunksLoaded(chunks, ['citizen.js'], { lazily: true }).size).toBe(5);
  });

  it('finds ajv in a citizen page even behind two lazy imports', () => {
    const loaded = chunksLoaded(chunks, ['citizen.js'], { lazily: true });
    expect(forbiddenModules(chunks, loaded, FORBIDDEN_BY_APP['citizen']!)).toEqual([
      { chunk: 'grid.js', module: '/r/node_modules/ajv/dist/core.js' },
    ]);
    expect(forbiddenModules(chunks, loaded, FORBIDDEN_BY_APP['agent']!)).toEqual([]);
  });
});

describe('RJSF’s layout-grid fields made lazy', () => {
  it('rewrites the installed @rjsf/core registry, each field from its own chunk', async () => {
    const core = fileURLToPath(import.meta.resolve('@rjsf/core/lib/components/fields/index.js'));
    const rewritten = lazyLayoutFields(await readFile(core, 'utf8'), '/abs/lazyPart.tsx');
    for (const name of LAZY_FIELDS) {
      expect(rewritten).not.toContain(`import ${name} from`);
      expect(rewritten).toContain(`const ${name} = __lazyPart(() => import("./${name}.js")`);
    }
  });

  it('fails loudly when RJSF changes the file', () => {
    expect(() => lazyLayoutFields('export default {};', '/abs/lazyPart.tsx')).toThrow(
      /LayoutGridField/,
    );
  });
});
