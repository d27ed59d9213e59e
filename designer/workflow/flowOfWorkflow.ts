import type { Edge, Node } from '@xyflow/react';
import type {
  NodePosition,
  StateDefinition,
  TransitionDefinition,
  WorkflowDefinition,
} from '../../shared/definition/index.ts';
import { describeDuration } from './simpleDuration.ts';
import { describeKind } from './workflowLabels.ts';

/** Size of a state's node, in flow units: the CSS draws it so, the layout plans with it. */
export const NODE_SIZE = { width: 200, height: 72 } as const;

export type StateNodeData = { state: StateDefinition; initial: boolean };
export type StateNode = Node<StateNodeData, 'state'>;
export type TransitionEdgeData = { transition: TransitionDefinition };
export type TransitionEdge = Edge<TransitionEdgeData>;

/**
 * The sources a transition is drawn from: its own list, or, for a global transition
 * (`from: '*'`), every active state but its target — where the engine allows it.
 *
 * @example
 * sourcesOf({ from: '*', to: 'retire', … }, workflow) // ['depose', 'en_instruction', …]
 */
export function sourcesOf(
  transition: TransitionDefinition,
  workflow: WorkflowDefinition,
): string[] {
  if (transition.from !== '*') return transition.from;
  return workflow.states
    .filter((state) => state.kind === 'active' && state.id !== transition.to)
    .map((state) => state.id);
}

/** The id of the edge drawing `transition` from `source` (one per source). */
export function edgeIdOf(transitionId: string, source: string): string {
  return `${transitionId}@${source}`;
}

/** What an edge's label reads: the action, and its timer when it fires by itself. */
export function transitionCaption(transition: TransitionDefinition): string {
  return transition.after
    ? `${transition.label} (après ${describeDuration(transition.after)})`
    : transition.label;
}

/**
 * The workflow as xyflow draws it: one node per state at its saved position (or at
 * `placed[id]`, the automatic layout's, else the origin), one edge per transition and
 * source. Labels and aria labels are French: keyboard and screen-reader users hear the
 * state's nature and each transition's ends.
 *
 * @example
 * const { nodes, edges } = flowOfWorkflow(definition.workflow, {});
 */
export function flowOfWorkflow(
  workflow: WorkflowDefinition,
  placed: Readonly<Record<string, NodePosition>>,
): { nodes: StateNode[]; edges: TransitionEdge[] } {
  const saved = workflow.layout?.positions ?? {};
  const labels = new Map(workflow.states.map((state) => [state.id, state.label]));
  const nodes = workflow.states.map(
    (state): StateNode => ({
      id: state.id,
      type: 'state',
      position: saved[state.id] ?? placed[state.id] ?? { x: 0, y: 0 },
      data: { state, initial: state.id === workflow.initialState },
      ariaLabel: stateAriaLabel(state, state.id === workflow.initialState),
      width: NODE_SIZE.width,
      height: NODE_SIZE.height,
    }),
  );
  const edges: TransitionEdge[] = [];
  for (const transition of workflow.transitions) {
    if (!labels.has(transition.to)) continue;
    for (const source of sourcesOf(transition, workflow)) {
      if (!labels.has(source)) continue;
      edges.push({
        id: edgeIdOf(transition.id, source),
        source,
        target: transition.to,
        label: transitionCaption(transition),
        data: { transition },
        ariaLabel: `Transition « ${transition.label} » de « ${labels.get(source)} » vers « ${labels.get(transition.to)} »`,
        ...(transition.from === '*' ? { className: 'transition-globale' } : {}),
        ...(transition.after ? { animated: true } : {}),
      });
    }
  }
  return { nodes, edges };
}

function stateAriaLabel(state: StateDefinition, initial: boolean): string {
  const nature = describeKind(state.kind, state.outcome).toLowerCase();
  return `État « ${state.label} », ${nature}${initial ? ', état initial' : ''}`;
}
