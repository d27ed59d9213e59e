import type { DefinitionDocument } from './definitionDocument.ts';
import type { DemarcheDefinitionV1 } from './definitionV1.ts';
import type { DemarcheDefinition, WorkflowLayout } from './types.ts';

/**
 * 1 → 2: format 2 adds what the studio keeps in the definition — the workflow graph's
 * layout, form sections, `x-` extensions. Only the layout is filled in, empty (the studio
 * lays the graph out automatically when a state has no position); sections and
 * extensions are optional. The form, the states, the transitions and everything else are
 * carried over unchanged, so a dossier behaves the same on the migrated definition.
 * Pure: returns a new document, the input is left untouched.
 *
 * @example
 * migrate1to2({ version: 1, meta, form, workflow, routing, notifications, letters });
 * // { version: 2, meta, form, workflow: { ...workflow, layout: { positions: {} } }, … }
 */
export function migrate1to2(document: DemarcheDefinitionV1): DemarcheDefinition;
export function migrate1to2(document: DefinitionDocument<1>): DefinitionDocument<2>;
export function migrate1to2(
  document: DefinitionDocument<1>,
): DefinitionDocument<2> | DemarcheDefinition {
  const workflow = document['workflow'];
  // A broken workflow is left for validation to report, in the admin's words.
  if (!isRecord(workflow)) return { ...document, version: 2 };
  return { ...document, version: 2, workflow: { ...workflow, layout: emptyLayout() } };
}

function emptyLayout(): WorkflowLayout {
  return { positions: {} };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
