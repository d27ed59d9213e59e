import type { DemarcheDefinition } from '../../shared/definition/index.ts';
import type { DraftChange } from '../editing/index.ts';
import { applyWorkflowChange, type WorkflowChange } from '../workflow/index.ts';

/**
 * Turns an edit of the workflow designer into the editing core's change. Positions and
 * the viewport map one to one (so a drag stays one undo step and panning is none); every
 * other edit goes through the designer's own reducer — its rules (a state removed with
 * the transitions it leaves dangling, the initial state kept) — and reaches the core as
 * the resulting document.
 *
 * @example
 * <WorkflowEditor dispatch={(c) => editor.dispatch(workflowEdit(editor.definition, c))} />
 */
export function workflowEdit(definition: DemarcheDefinition, change: WorkflowChange): DraftChange {
  switch (change.type) {
    case 'moveStates':
      return { type: 'setPositions', positions: change.positions };
    case 'setViewport':
      return { type: 'setViewport', viewport: change.viewport };
    case 'replaceDefinition':
      return change;
    default:
      return { type: 'replaceDefinition', definition: applyWorkflowChange(definition, change) };
  }
}
