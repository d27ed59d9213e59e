import type {
  DemarcheDefinition,
  StateDefinition,
  TransitionDefinition,
  WorkflowDefinition,
  WorkflowLayout,
} from '../../shared/definition/index.ts';
import type { WorkflowChange } from './draftChange.ts';
import { mergePatch } from './mergePatch.ts';

/**
 * Applies one workflow change (see `DraftChange`); the definition comes back identical
 * when the change names a state or transition that does not exist, or an id that is taken.
 */
export function applyWorkflowChange(
  definition: DemarcheDefinition,
  change: WorkflowChange,
): DemarcheDefinition {
  const workflow = definition.workflow;
  const states = statesOf(workflow);
  const transitions = transitionsOf(workflow);
  const withWorkflow = (next: Partial<WorkflowDefinition>) => ({
    ...definition,
    workflow: { ...workflow, ...next },
  });
  switch (change.type) {
    case 'addState': {
      if (states.some((state) => state.id === change.state.id)) return definition;
      const next: Partial<WorkflowDefinition> = { states: [...states, change.state] };
      if (change.position) {
        next.layout = withPositions(workflow.layout, { [change.state.id]: change.position });
      }
      return withWorkflow(next);
    }
    case 'updateState': {
      const index = states.findIndex((state) => state.id === change.id);
      if (index < 0) return definition;
      const newId = change.patch.id;
      if (
        newId !== undefined &&
        newId !== change.id &&
        states.some((state) => state.id === newId)
      ) {
        return definition;
      }
      const updated = states.map((state, at) =>
        at === index ? mergePatch(state, change.patch) : state,
      );
      const next = withWorkflow({ states: updated });
      return newId === undefined || newId === change.id
        ? next
        : renameState(next, change.id, newId);
    }
    case 'removeState': {
      if (!states.some((state) => state.id === change.id)) return definition;
      const kept = transitions
        .filter((transition) => transition.to !== change.id)
        .map((transition) =>
          Array.isArray(transition.from) && transition.from.includes(change.id)
            ? { ...transition, from: transition.from.filter((source) => source !== change.id) }
            : transition,
        )
        .filter((transition) => !Array.isArray(transition.from) || transition.from.length > 0);
      const next: Partial<WorkflowDefinition> = {
        states: states.filter((state) => state.id !== change.id),
        transitions: kept,
      };
      const layout = withoutPosition(workflow.layout, change.id);
      if (layout !== undefined && layout !== workflow.layout) next.layout = layout;
      return withWorkflow(next);
    }
    case 'addTransition':
      if (transitions.some((transition) => transition.id === change.transition.id))
        return definition;
      return withWorkflow({ transitions: [...transitions, change.transition] });
    case 'updateTransition': {
      const index = transitions.findIndex((transition) => transition.id === change.id);
      if (index < 0) return definition;
      const newId = change.patch.id;
      if (newId !== undefined && newId !== change.id && transitions.some((t) => t.id === newId)) {
        return definition;
      }
      return withWorkflow({
        transitions: transitions.map((transition, at) =>
          at === index ? mergePatch(transition, change.patch) : transition,
        ),
      });
    }
    case 'removeTransition':
      if (!transitions.some((transition) => transition.id === change.id)) return definition;
      return withWorkflow({
        transitions: transitions.filter((transition) => transition.id !== change.id),
      });
    case 'setInitialState':
      if (!states.some((state) => state.id === change.id)) return definition;
      return withWorkflow({ initialState: change.id });
    case 'setPositions':
      return withWorkflow({ layout: withPositions(workflow.layout, change.positions) });
    case 'setViewport': {
      const layout: WorkflowLayout = { positions: {}, ...workflow.layout };
      if (change.viewport === null) {
        if (workflow.layout?.viewport === undefined) return definition;
        const { viewport: _forgotten, ...rest } = layout;
        return withWorkflow({ layout: rest });
      }
      return withWorkflow({ layout: { ...layout, viewport: change.viewport } });
    }
  }
}

/** Follows a state's new id through transitions, the initial state and the layout. */
function renameState(definition: DemarcheDefinition, from: string, to: string): DemarcheDefinition {
  const workflow = definition.workflow;
  const rename = (id: string) => (id === from ? to : id);
  const transitions = transitionsOf(workflow).map((transition) => {
    const sources = Array.isArray(transition.from) ? transition.from.map(rename) : transition.from;
    if (transition.to !== from && sources === transition.from) return transition;
    return { ...transition, from: sources, to: rename(transition.to) };
  });
  const next: WorkflowDefinition = {
    ...workflow,
    transitions,
    initialState: rename(workflow.initialState),
  };
  const position = workflow.layout?.positions?.[from];
  if (position !== undefined && workflow.layout) {
    next.layout = withPositions(withoutPosition(workflow.layout, from), { [to]: position });
  }
  return { ...definition, workflow: next };
}

function withPositions(
  layout: WorkflowLayout | undefined,
  positions: WorkflowLayout['positions'],
): WorkflowLayout {
  return { ...layout, positions: { ...(layout?.positions ?? {}), ...positions } };
}

function withoutPosition(
  layout: WorkflowLayout | undefined,
  id: string,
): WorkflowLayout | undefined {
  if (layout?.positions === undefined || !Object.hasOwn(layout.positions, id)) return layout;
  const { [id]: _removed, ...positions } = layout.positions;
  return { ...layout, positions };
}

function statesOf(workflow: WorkflowDefinition | undefined): StateDefinition[] {
  return Array.isArray(workflow?.states) ? workflow.states : [];
}

function transitionsOf(workflow: WorkflowDefinition | undefined): TransitionDefinition[] {
  return Array.isArray(workflow?.transitions) ? workflow.transitions : [];
}
