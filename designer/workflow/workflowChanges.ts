import type {
  DemarcheDefinition,
  NodePosition,
  StateDefinition,
  TransitionDefinition,
  Viewport,
  WorkflowDefinition,
} from '../../shared/definition/index.ts';

/**
 * A change to a state's properties: a key given `undefined` is removed (an SLA cleared),
 * a key left out is kept. The id is not patchable: other parts of the definition refer to it.
 */
export type StatePatch = {
  [K in Exclude<keyof StateDefinition, 'id'>]?: StateDefinition[K] | undefined;
};

/** A change to a transition's properties, read like `StatePatch`. */
export type TransitionPatch = {
  [K in Exclude<keyof TransitionDefinition, 'id'>]?: TransitionDefinition[K] | undefined;
};

/**
 * Every edit the workflow designer and the JSON tab make, as data: the studio's one
 * reducer delegates these to `applyWorkflowChange`, which gives undo/redo and autosave.
 */
export type WorkflowChange =
  /** A new state, drawn at `position` when given. */
  | { type: 'addState'; state: StateDefinition; position?: NodePosition }
  | { type: 'updateState'; id: string; patch: StatePatch }
  /** The state, every transition into it, and it as a source (a transition left with no source goes too). */
  | { type: 'removeState'; id: string }
  | { type: 'setInitialState'; id: string }
  | { type: 'addTransition'; transition: TransitionDefinition }
  | { type: 'updateTransition'; id: string; patch: TransitionPatch }
  | { type: 'removeTransition'; id: string }
  /** Node positions after a drag or an automatic layout, merged into `workflow.layout`. */
  | { type: 'moveStates'; positions: { [stateId: string]: NodePosition } }
  | { type: 'setViewport'; viewport: Viewport }
  /** A valid document typed in the JSON tab replaces everything. */
  | { type: 'replaceDefinition'; definition: DemarcheDefinition };

/**
 * Applies one change and returns a new definition; the one given is never mutated, and
 * parts the change does not touch keep their identity (React can skip them). A change
 * naming a state or transition that does not exist returns the definition unchanged, as
 * does removing the initial state (a dossier must start somewhere).
 *
 * @example
 * const next = applyWorkflowChange(definition, { type: 'removeState', id: 'complement' });
 */
export function applyWorkflowChange(
  definition: DemarcheDefinition,
  change: WorkflowChange,
): DemarcheDefinition {
  if (change.type === 'replaceDefinition') return change.definition;
  const workflow = nextWorkflow(definition.workflow, change);
  return workflow === definition.workflow ? definition : { ...definition, workflow };
}

function nextWorkflow(
  workflow: WorkflowDefinition,
  change: Exclude<WorkflowChange, { type: 'replaceDefinition' }>,
): WorkflowDefinition {
  switch (change.type) {
    case 'addState': {
      if (workflow.states.some((state) => state.id === change.state.id)) return workflow;
      const next = { ...workflow, states: [...workflow.states, change.state] };
      return change.position ? withPositions(next, { [change.state.id]: change.position }) : next;
    }
    case 'updateState': {
      const states = replaceById(workflow.states, change.id, (state) =>
        patched(state, change.patch),
      );
      return states === workflow.states ? workflow : { ...workflow, states };
    }
    case 'removeState':
      return withoutState(workflow, change.id);
    case 'setInitialState':
      if (!workflow.states.some((state) => state.id === change.id)) return workflow;
      return { ...workflow, initialState: change.id };
    case 'addTransition':
      if (workflow.transitions.some((transition) => transition.id === change.transition.id))
        return workflow;
      return { ...workflow, transitions: [...workflow.transitions, change.transition] };
    case 'updateTransition': {
      const transitions = replaceById(workflow.transitions, change.id, (transition) =>
        patched(transition, change.patch),
      );
      return transitions === workflow.transitions ? workflow : { ...workflow, transitions };
    }
    case 'removeTransition': {
      const transitions = workflow.transitions.filter((transition) => transition.id !== change.id);
      return transitions.length === workflow.transitions.length
        ? workflow
        : { ...workflow, transitions };
    }
    case 'moveStates':
      return withPositions(workflow, change.positions);
    case 'setViewport':
      return {
        ...workflow,
        layout: { positions: {}, ...workflow.layout, viewport: change.viewport },
      };
  }
}

function withoutState(workflow: WorkflowDefinition, id: string): WorkflowDefinition {
  if (id === workflow.initialState || !workflow.states.some((state) => state.id === id))
    return workflow;
  const transitions: TransitionDefinition[] = [];
  for (const transition of workflow.transitions) {
    if (transition.to === id) continue;
    if (transition.from === '*' || !transition.from.includes(id)) {
      transitions.push(transition);
      continue;
    }
    const from = transition.from.filter((source) => source !== id);
    if (from.length > 0) transitions.push({ ...transition, from });
  }
  const next: WorkflowDefinition = {
    ...workflow,
    states: workflow.states.filter((state) => state.id !== id),
    transitions,
  };
  if (workflow.layout && id in workflow.layout.positions) {
    const { [id]: _removed, ...positions } = workflow.layout.positions;
    next.layout = { ...workflow.layout, positions };
  }
  return next;
}

function withPositions(
  workflow: WorkflowDefinition,
  positions: { [stateId: string]: NodePosition },
): WorkflowDefinition {
  const known = new Set(workflow.states.map((state) => state.id));
  const kept = Object.entries(positions).filter(
    ([id, position]) => known.has(id) && Number.isFinite(position.x) && Number.isFinite(position.y),
  );
  if (kept.length === 0) return workflow;
  const layout = workflow.layout ?? { positions: {} };
  return {
    ...workflow,
    layout: {
      ...layout,
      positions: {
        ...layout.positions,
        ...Object.fromEntries(kept.map(([id, { x, y }]) => [id, { x, y }])),
      },
    },
  };
}

function replaceById<T extends { id: string }>(
  items: T[],
  id: string,
  update: (item: T) => T,
): T[] {
  const index = items.findIndex((item) => item.id === id);
  if (index < 0) return items;
  const next = [...items];
  next[index] = update(items[index]!);
  return next;
}

/** The item with the patch applied: `undefined` values remove their key. */
function patched<T extends object>(item: T, patch: { [key: string]: unknown }): T {
  const next: { [key: string]: unknown } = { ...(item as { [key: string]: unknown }) };
  for (const [key, value] of Object.entries(patch)) {
    if (key === 'id') continue;
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  return next as T;
}
