import { describe, expect, it } from 'vitest';
import { socialAidDefinition } from '../testing/socialAidDefinition.ts';
import { loadDefinition } from './loadDefinition.ts';
import { migrateDefinition } from './migrateDefinition.ts';
import { MIGRATIONS } from './migrations.ts';
import { DEFINITION_FORMAT_VERSION } from './types.ts';

/** A pre-release draft: no `version`, and no lists it had nothing to put in. */
function preReleaseDraft(): Record<string, unknown> {
  const {
    version: _,
    routing: __,
    notifications: ___,
    letters: ____,
    ...rest
  } = structuredClone(socialAidDefinition);
  return rest;
}

describe('migrateDefinition', () => {
  it('treats a missing version as 0, fills the lists format 1 requires, then goes on to 2', () => {
    const draft = preReleaseDraft();
    const migrated = migrateDefinition(draft);
    expect(migrated).toEqual({
      ok: true,
      value: {
        ...draft,
        version: 2,
        workflow: { ...socialAidDefinition.workflow, layout: { positions: {} } },
        routing: [],
        notifications: [],
        letters: [],
      },
    });
    expect(draft).not.toHaveProperty('version'); // the input is left untouched
  });

  it('keeps what a version-0 draft already has and renames nothing', () => {
    const draft = { ...preReleaseDraft(), version: 0, routing: socialAidDefinition.routing };
    const migrated = migrateDefinition(draft);
    expect(migrated.ok && migrated.value).toEqual({
      ...draft,
      version: 2,
      workflow: { ...socialAidDefinition.workflow, layout: { positions: {} } },
      notifications: [],
      letters: [],
    });
  });

  it('returns a current definition as it is', () => {
    const migrated = migrateDefinition(socialAidDefinition);
    expect(migrated.ok && migrated.value).toBe(socialAidDefinition);
  });

  it('refuses a version newer than this code can read, in French', () => {
    expect(migrateDefinition({ ...socialAidDefinition, version: 3 })).toEqual({
      ok: false,
      error: [
        {
          code: 'UNSUPPORTED_VERSION',
          pointer: '/version',
          message:
            'Cette définition est au format n° 3, plus récent que celui que cette version de Guichet sait lire (n° 2). Mettez Guichet à jour avant de l’importer.',
        },
      ],
    });
  });

  it.each([['1'], [-1], [1.5], [null]])('refuses the version %j', (version) => {
    const migrated = migrateDefinition({ ...socialAidDefinition, version });
    expect(migrated.ok ? [] : migrated.error.map((p) => p.code)).toEqual(['UNSUPPORTED_VERSION']);
  });

  it('refuses what is not an object', () => {
    for (const json of [null, [], 'définition', 1]) {
      const migrated = migrateDefinition(json);
      expect(migrated.ok ? null : migrated.error[0]?.code).toBe('SCHEMA_TYPE');
    }
  });

  it('has one step per version, ending at the current format', () => {
    MIGRATIONS.forEach((migration, index) => {
      expect([migration.from, migration.to]).toEqual([index, index + 1]);
    });
    expect(MIGRATIONS.at(-1)?.to).toBe(DEFINITION_FORMAT_VERSION);
  });
});

describe('loadDefinition', () => {
  it('migrates then validates a pre-release draft', () => {
    const loaded = loadDefinition(preReleaseDraft());
    expect(loaded.ok && loaded.value.version).toBe(2);
    expect(loaded.ok && loaded.value.letters).toEqual([]);
  });

  it('stops at the version when the format is unknown', () => {
    const loaded = loadDefinition({ version: 9 });
    expect(loaded.ok ? [] : loaded.error.map((p) => p.code)).toEqual(['UNSUPPORTED_VERSION']);
  });

  it('reports the problems of a migrated draft against the current format', () => {
    const draft = preReleaseDraft();
    delete draft['meta'];
    const loaded = loadDefinition(draft);
    expect(loaded.ok ? [] : loaded.error).toEqual([
      {
        code: 'SCHEMA_REQUIRED',
        pointer: '',
        message: 'La définition doit indiquer les informations générales (meta).',
      },
    ]);
  });
});
