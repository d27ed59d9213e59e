import { migrateDefinition } from '../../../shared/definition/index.ts';
import type { StoredDefinition } from '../../db/index.ts';

/**
 * The draft as it is stored: brought to the current format when `migrateDefinition` can
 * (a draft made for an older format, pasted or imported, is saved — and read back — as
 * the current one), otherwise as the admin sent it: a draft is stored valid or not, so
 * an unreadable version is left for the lint panel to report, never a reason to lose work.
 *
 * @example
 * draftInCurrentFormat({ version: 1, meta, form, workflow, … }); // { version: 2, …, workflow: { …, layout } }
 */
export function draftInCurrentFormat(draft: StoredDefinition): StoredDefinition {
  const migrated = migrateDefinition(draft);
  return migrated.ok ? (migrated.value as StoredDefinition) : draft;
}
