import { useId, useState } from 'react';
import type { DemarcheDefinition } from '../../shared/definition/index.ts';
import { transitionOfConnection } from './flowEdits.ts';
import type { Selection } from './selection.ts';
import type { WorkflowChange } from './workflowChanges.ts';
import { describeKind, ROLE_LABELS } from './workflowLabels.ts';

export interface WorkflowListProps {
  definition: DemarcheDefinition;
  dispatch: (change: WorkflowChange) => void;
  selection: Selection | null;
  onSelect: (selection: Selection) => void;
}

/**
 * The workflow as two tables, for screen-reader and keyboard users: every state and
 * transition the graph shows, a button to edit each, and a form to add a transition
 * without drawing it.
 */
export function WorkflowList({ definition, dispatch, selection, onSelect }: WorkflowListProps) {
  const id = useId();
  const { states, transitions } = definition.workflow;
  const labelOf = (stateId: string) =>
    states.find((state) => state.id === stateId)?.label ?? stateId;
  const [source, setSource] = useState(states[0]?.id ?? '');
  const [target, setTarget] = useState(states[1]?.id ?? states[0]?.id ?? '');
  const current = (kind: Selection['kind'], itemId: string) =>
    selection?.kind === kind && selection.id === itemId ? true : undefined;

  return (
    <div className="liste-circuit">
      <table>
        <caption>États ({states.length})</caption>
        <thead>
          <tr>
            <th scope="col">Libellé</th>
            <th scope="col">Nature</th>
            <th scope="col">Responsable</th>
            <th scope="col">Délai</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {states.map((state) => (
            <tr key={state.id} aria-current={current('state', state.id)}>
              <th scope="row">
                {state.label}
                {state.id === definition.workflow.initialState && ' (initial)'}
              </th>
              <td>{describeKind(state.kind, state.outcome)}</td>
              <td>
                {[state.owner?.role && ROLE_LABELS[state.owner.role], state.owner?.unit]
                  .filter(Boolean)
                  .join(', ') || '—'}
              </td>
              <td>{state.sla ?? '—'}</td>
              <td>
                <button type="button" onClick={() => onSelect({ kind: 'state', id: state.id })}>
                  Modifier l’état « {state.label} »
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <table>
        <caption>Transitions ({transitions.length})</caption>
        <thead>
          <tr>
            <th scope="col">Libellé</th>
            <th scope="col">Depuis</th>
            <th scope="col">Vers</th>
            <th scope="col">Qui</th>
            <th scope="col">Minuterie</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {transitions.map((transition) => (
            <tr key={transition.id} aria-current={current('transition', transition.id)}>
              <th scope="row">{transition.label}</th>
              <td>
                {transition.from === '*'
                  ? 'Tout état en cours'
                  : transition.from.map(labelOf).join(', ')}
              </td>
              <td>{labelOf(transition.to)}</td>
              <td>{transition.by.map((role) => ROLE_LABELS[role]).join(', ') || '—'}</td>
              <td>{transition.after ?? '—'}</td>
              <td>
                <button
                  type="button"
                  onClick={() => onSelect({ kind: 'transition', id: transition.id })}
                >
                  Modifier la transition « {transition.label} »
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        className="ajout-transition"
        aria-labelledby={`${id}-titre`}
        onSubmit={(event) => {
          event.preventDefault();
          const change = transitionOfConnection(definition.workflow, { source, target });
          if (!change) return;
          dispatch(change);
          onSelect({ kind: 'transition', id: change.transition.id });
        }}
      >
        <h2 id={`${id}-titre`}>Ajouter une transition</h2>
        <label htmlFor={`${id}-depuis`}>Depuis</label>
        <select
          id={`${id}-depuis`}
          value={source}
          onChange={(event) => setSource(event.target.value)}
        >
          {states.map((state) => (
            <option key={state.id} value={state.id}>
              {state.label}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-vers`}>Vers</label>
        <select
          id={`${id}-vers`}
          value={target}
          onChange={(event) => setTarget(event.target.value)}
        >
          {states.map((state) => (
            <option key={state.id} value={state.id}>
              {state.label}
            </option>
          ))}
        </select>
        <button type="submit">Ajouter la transition</button>
      </form>
    </div>
  );
}
