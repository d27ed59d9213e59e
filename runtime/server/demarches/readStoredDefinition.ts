import { type DemarcheDefinition, migrateDefinition } from '../../../shared/definition/index.ts';
import type { StoredDefinition } from '../../db/index.ts';

/** A stored definition this Guichet cannot read: a fault of the data, not of the database. */
export class UnreadableDefinitionError extends Error {}

/**
 * A published version's definition as the engine reads it: brought to the current format
 * by `migrateDefinition` (a version published by an older Guichet keeps working after an
 * upgrade), not re-validated — it was valid when published, and validation compiles every
 * embedded schema, too slow for hot reads. Throws when the stored document cannot be
 * read at all (a newer format than this Guichet knows): a server fault, not the caller's.
 *
 * @example
 * const definition = readStoredDefinition(row.definition, `${demarcheId} v${version}`);
 */
export function readStoredDefinition(stored: StoredDefinition, label: string): DemarcheDefinition {
  const migrated = migrateDefinition(stored);
  if (!migrated.ok) {
    const problem = migrated.error[0]?.message ?? 'format inconnu';
    throw new UnreadableDefinitionError(
      `guichet: published version ${label} does not load: ${problem}`,
    );
  }
  return migrated.value as DemarcheDefinition;
}
