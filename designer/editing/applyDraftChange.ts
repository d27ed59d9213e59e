import type { DemarcheDefinition } from '../../shared/definition/index.ts';
import { applyFormChange } from './applyFormChange.ts';
import { applyWorkflowChange } from './applyWorkflowChange.ts';
import type { DraftChange } from './draftChange.ts';
import { mergePatch } from './mergePatch.ts';

/**
 * The one reducer of the studio: the draft after `changes`, applied in order. Pure — the
 * definition given is never mutated, untouched parts keep their identity (so an editor
 * can skip re-rendering them), and a change that names nothing existing is a no-op that
 * returns the very same object.
 *
 * @example
 * const next = applyDraftChanges(draft, [
 *   { type: 'addField', field: { name: 'nom', schema: { type: 'string', title: 'Nom' }, required: true } },
 *   { type: 'moveItem', from: 3, to: 0 },
 * ]);
 */
export function applyDraftChanges(
  definition: DemarcheDefinition,
  changes: readonly DraftChange[],
): DemarcheDefinition {
  return changes.reduce(applyDraftChange, definition);
}

/** One change; see `applyDraftChanges`. */
export function applyDraftChange(
  definition: DemarcheDefinition,
  change: DraftChange,
): DemarcheDefinition {
  switch (change.type) {
    case 'setMeta':
      return { ...definition, meta: mergePatch(definition.meta ?? {}, change.patch) };
    case 'replaceDefinition':
      return change.definition;
    case 'addField':
    case 'updateField':
    case 'moveItem':
    case 'removeField':
    case 'addSection':
    case 'updateSection':
    case 'removeSection':
    case 'setComputed':
    case 'setRules':
    case 'setStepwise':
    case 'setPageCondition':
      return applyFormChange(definition, change);
    default:
      return applyWorkflowChange(definition, change);
  }
}
