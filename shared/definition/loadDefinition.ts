import type { Result } from '../result.ts';
import type { DefinitionProblem } from './definitionProblem.ts';
import { migrateDefinition } from './migrateDefinition.ts';
import type { DemarcheDefinition } from './types.ts';
import { validateDefinition } from './validateDefinition.ts';

/**
 * Reads a stored or imported definition: migrates it to the current format, then
 * validates it. The way in for anything that did not just come out of the designer.
 *
 * @example
 * const loaded = loadDefinition(row.definition);
 * if (!loaded.ok) return err({ code: 'INVALID_DEFINITION', problems: loaded.error });
 */
export function loadDefinition(json: unknown): Result<DemarcheDefinition, DefinitionProblem[]> {
  const migrated = migrateDefinition(json);
  return migrated.ok ? validateDefinition(migrated.value) : migrated;
}
