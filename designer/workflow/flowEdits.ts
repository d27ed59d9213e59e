import type { Connection, NodeChange } from '@xyflow/react';
import type { NodePosition, WorkflowDefinition } from '../../shared/definition/index.ts';
import { freshId } from './freshId.ts';
import type { WorkflowChange } from './workflowChanges.ts';

/**
 * Positions to save from xyflow's node changes: only settled ones (a drag's end, an arrow
 * key press), so a drag is one change in the history, not sixty a second.
 *
 * @example
 * settledPositions([{ type: 'position', id: 'depose', position: { x: 1, y: 2 }, dragging: false }])
 */
export function settledPositions(changes: readonly NodeChange[]): Record<string, NodePosition> {
  const positions: Record<string, NodePosition> = {};
  for (const change of changes)
    if (change.type === 'position' && change.dragging === false && change.position)
      positions[change.id] = { x: change.position.x, y: change.position.y };
  return positions;
}

/**
 * The transition a drawn connection creates: from its source to its target, fired by an
 * agent until the admin says otherwise, named after its target (« Vers Accepté »).
 * `null` for a connection to or from an unknown state.
 */
export function transitionOfConnection(
  workflow: WorkflowDefinition,
  connection: Pick<Connection, 'source' | 'target'>,
): (WorkflowChange & { type: 'addTransition' }) | null {
  const target = workflow.states.find((state) => state.id === connection.target);
  if (!target || !workflow.states.some((state) => state.id === connection.source)) return null;
  const label = `Vers ${target.label}`;
  const id = freshId(
    `${connection.source} vers ${target.id}`,
    workflow.transitions.map((transition) => transition.id),
    'transition',
  );
  return {
    type: 'addTransition',
    transition: { id, label, from: [connection.source], to: target.id, by: ['agent'] },
  };
}

/**
 * The changes that delete what xyflow's delete key selected: each state (with its
 * transitions, see `removeState`), and each drawn edge — one source of its transition,
 * or the whole transition when it was its only source.
 */
export function deletionChanges(
  workflow: WorkflowDefinition,
  selection: {
    stateIds: readonly string[];
    edges: ReadonlyArray<{ transitionId: string; source: string }>;
  },
): WorkflowChange[] {
  const changes: WorkflowChange[] = selection.stateIds
    .filter((id) => id !== workflow.initialState)
    .map((id) => ({ type: 'removeState', id }));
  const removedStates = new Set(selection.stateIds);
  const dropped = new Map<string, Set<string>>();
  for (const edge of selection.edges) {
    if (removedStates.has(edge.source)) continue;
    dropped.set(edge.transitionId, (dropped.get(edge.transitionId) ?? new Set()).add(edge.source));
  }
  for (const [transitionId, sources] of dropped) {
    const transition = workflow.transitions.find((candidate) => candidate.id === transitionId);
    if (!transition) continue;
    const from = transition.from === '*' ? [] : transition.from.filter((id) => !sources.has(id));
    changes.push(
      from.length === 0
        ? { type: 'removeTransition', id: transitionId }
        : { type: 'updateTransition', id: transitionId, patch: { from } },
    );
  }
  return changes;
}
