import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { hashForSchema, type RJSFSchema } from '@rjsf/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemarcheDefinition } from '../../../shared/definition/index.ts';
import { createFormAjv } from '../../../shared/form/index.ts';
import { socialAidDefinition } from '../../../shared/testing/socialAidDefinition.ts';
import { type SeededTenant, seedTenant } from '../testing/seedTenant.ts';
import { startTestServer, type TestServer } from '../testing/startTestServer.ts';

/** A form using what the served module must carry: French formats, RE2 patterns, files, conditions. */
const schema = {
  type: 'object',
  properties: {
    siret: { type: 'string', format: 'siret' },
    codePostal: { type: 'string', format: 'code-postal' },
    courriel: { type: 'string', format: 'email' },
    reference: { type: 'string', pattern: '^[A-Z]{2}-[0-9]{3}$' },
    situation: { type: 'string', enum: ['seul', 'couple'] },
    conjoint: { type: 'string', minLength: 1 },
    justificatif: {
      type: 'array',
      items: { type: 'string', format: 'attachment-id' },
      maxItems: 1,
      'x-file': { accept: ['application/pdf'] },
    },
  },
  required: ['siret'],
  if: { properties: { situation: { const: 'couple' } }, required: ['situation'] },
  then: { required: ['conjoint'] },
};

const CASES: Array<Record<string, unknown>> = [
  { siret: '73282932000074' },
  { siret: '73282932000075' },
  {},
  { siret: '73282932000074', codePostal: '75001', courriel: 'a@b.fr', reference: 'AB-123' },
  { siret: '73282932000074', codePostal: '00100', courriel: 'pas une adresse' },
  { siret: '73282932000074', reference: 'ab-123' },
  { siret: '73282932000074', situation: 'couple' },
  { siret: '73282932000074', situation: 'couple', conjoint: 'Dupont' },
  { siret: '73282932000074', justificatif: ['0b6c3f5e-1c4f-4d55-9a7e-1f2d3c4b5a69'] },
  { siret: '73282932000074', justificatif: ['pas-un-id'] },
  { siret: 42 },
];

const definition: DemarcheDefinition = {
  ...structuredClone(socialAidDefinition),
  meta: { ...socialAidDefinition.meta, slug: 'formats-varies' },
  form: { schema },
};

let server: TestServer;
let world: SeededTenant;
let other: SeededTenant;
let folder: string;

function moduleUrl(tenant: string, demarcheId: string, version: number): string {
  return `${server.url}/validators/${tenant}/${demarcheId}/${version}.js`;
}

/** Imports served source as the browser would: a module file of its own. */
async function importServed(source: string): Promise<Record<string, (data: unknown) => boolean>> {
  const file = join(folder, `validators-${Math.random().toString(36).slice(2)}.mjs`);
  await writeFile(file, source);
  const module = (await import(pathToFileURL(file).href)) as { default: Record<string, never> };
  return module.default;
}

describe('precompiled validators served per published version (docs/SECURITY.md §60)', () => {
  beforeAll(async () => {
    server = await startTestServer();
    world = await seedTenant(server.database.db, { definition });
    other = await seedTenant(server.database.db);
    folder = await mkdtemp(join(tmpdir(), 'guichet-validators-'));
  });
  afterAll(async () => {
    await server.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('serves an immutable same-origin ES module that compiles nothing in the browser', async () => {
    const response = await fetch(moduleUrl(world.slug, world.demarche.id, 1));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    // fetch asks for brotli or gzip and decodes it, as a browser does.
    expect(response.headers.get('content-encoding')).toMatch(/^(br|gzip)$/);
    expect(response.headers.get('vary')).toBe('Accept-Encoding');
    const source = await response.text();
    // re2js has a method named `eval` (`}eval(B,e){`, `.eval(`): only a call of the global counts.
    expect(source).not.toMatch(/new Function\b|[^\w.$}]eval\(/);
    // Everything is inlined; ajv's helpers keep their own code as a string (`.code='require(…)'`).
    expect(source).not.toMatch(/(?<!['"])\brequire\(/);
  });

  it('validates every case exactly as the server’s ajv does, conditions’ sub-schemas included', async () => {
    const served = await importServed(
      await (await fetch(moduleUrl(world.slug, world.demarche.id, 1))).text(),
    );
    const root = served[hashForSchema(schema as RJSFSchema)];
    const condition = served[hashForSchema(schema.if as RJSFSchema)];
    expect(root).toBeTypeOf('function');
    expect(condition).toBeTypeOf('function');
    const server = createFormAjv().compile(schema);
    for (const data of CASES) {
      const expected = server(data);
      expect({ data, valid: root!(data) }).toEqual({ data, valid: expected });
      const errors = (
        root as unknown as { errors: Array<{ instancePath: string; keyword: string }> }
      ).errors;
      const pick = (list: typeof errors | null | undefined) =>
        (list ?? []).map((e) => `${e.instancePath} ${e.keyword}`).sort();
      expect(pick(errors)).toEqual(pick(server.errors as typeof errors));
    }
    expect(condition!({ situation: 'couple' })).toBe(true);
    expect(condition!({ situation: 'seul' })).toBe(false);
  });

  it('answers 404, the same for another tenant’s démarche as for an unknown one (§7)', async () => {
    const crossTenant = await fetch(moduleUrl(other.slug, world.demarche.id, 1));
    const unknownVersion = await fetch(moduleUrl(world.slug, world.demarche.id, 2));
    const unknownTenant = await fetch(moduleUrl('personne', world.demarche.id, 1));
    const malformed = await fetch(`${server.url}/validators/${world.slug}/pas-un-id/1.js`);
    for (const response of [crossTenant, unknownVersion, unknownTenant, malformed]) {
      expect(response.status).toBe(404);
      expect(await response.text()).toBe('Validateurs introuvables.');
    }
  });
});
