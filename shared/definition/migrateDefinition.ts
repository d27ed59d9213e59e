import { err, ok, type Result } from '../result.ts';
import type { DefinitionProblem } from './definitionProblem.ts';
import { MIGRATIONS } from './migrations.ts';
import { DEFINITION_FORMAT_VERSION } from './types.ts';

/**
 * Brings a stored definition to the current format, one step at a time (model: typebot's
 * `migrateTypebot`). A missing `version` means a pre-release draft, version 0. Only the
 * version is checked here: the content is `validateDefinition`'s job, so the result stays
 * `unknown`. A document already current is returned as is.
 *
 * @example
 * migrateDefinition({ meta, form, workflow }); // ok({ version: 2, meta, form,
 * //   workflow: { ...workflow, layout: { positions: {} } }, routing: [], notifications: [], letters: [] })
 * migrateDefinition({ version: 7 });           // err([{ code: 'UNSUPPORTED_VERSION', … }])
 */
export function migrateDefinition(json: unknown): Result<unknown, DefinitionProblem[]> {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return err([
      { code: 'SCHEMA_TYPE', pointer: '', message: 'La définition doit être un objet JSON.' },
    ]);
  }
  const document = json as Record<string, unknown>;
  // Absent means a pre-release draft; `null` is a broken document, not an old one.
  const version = document['version'] === undefined ? 0 : document['version'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return unsupported(
      `La version du format (version) doit être un nombre entier entre 0 et ${DEFINITION_FORMAT_VERSION}, pas « ${JSON.stringify(version)} ».`,
    );
  }
  if (version > DEFINITION_FORMAT_VERSION) {
    return unsupported(
      `Cette définition est au format n° ${version}, plus récent que celui que cette version de Guichet sait lire (n° ${DEFINITION_FORMAT_VERSION}). Mettez Guichet à jour avant de l’importer.`,
    );
  }
  let current: Record<string, unknown> = document;
  for (let step = version; step < DEFINITION_FORMAT_VERSION; step++) {
    const migration = MIGRATIONS[step];
    if (migration === undefined) {
      return unsupported(`Aucune mise à jour n’est prévue depuis le format n° ${step}.`);
    }
    // `step` is the version `current` is at: each step's own typing holds.
    current = (migration.migrate as (document: Record<string, unknown>) => typeof current)(current);
  }
  return ok(current);
}

function unsupported(message: string): Result<never, DefinitionProblem[]> {
  return err([{ code: 'UNSUPPORTED_VERSION', pointer: '/version', message }]);
}
