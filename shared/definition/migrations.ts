import type { DefinitionDocument } from './definitionDocument.ts';
import { migrate1to2 } from './migrate1to2.ts';

/**
 * Typed steps between versions of the definition format. A stored definition is checked
 * only after migration, so a step takes and returns the loose shape of its versions —
 * records whose `version` is known — never `any`.
 */

/** A document before format 1: drafts made while the format was being designed. */
export type PreReleaseDocument = { version?: 0 } & Record<string, unknown>;

export interface Migration<From extends number, To extends number> {
  from: From;
  to: To;
  /** Returns a new document; the input is left untouched. */
  migrate(
    document: From extends 0 ? PreReleaseDocument : DefinitionDocument<From>,
  ): DefinitionDocument<To>;
}

/**
 * 0 → 1: pre-release drafts may lack the lists that format 1 requires even when empty.
 * Nothing is renamed.
 */
const migrate0to1: Migration<0, 1> = {
  from: 0,
  to: 1,
  migrate: (document) => ({
    ...document,
    version: 1,
    routing: document['routing'] ?? [],
    notifications: document['notifications'] ?? [],
    letters: document['letters'] ?? [],
  }),
};

/**
 * Every step, in order: `MIGRATIONS[n]` goes from version `n` to `n + 1`. A new format
 * version appends its step here and bumps `DEFINITION_FORMAT_VERSION`; a test checks the
 * chain ends at the current version.
 */
export const MIGRATIONS: readonly [Migration<0, 1>, Migration<1, 2>] = [
  migrate0to1,
  { from: 1, to: 2, migrate: migrate1to2 },
];
