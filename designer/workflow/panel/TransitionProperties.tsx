import { useId } from 'react';
import {
  type DemarcheDefinition,
  ROLES,
  type Role,
  type TransitionDefinition,
} from '../../../shared/definition/index.ts';
import type { FormFieldChoice } from '../conditions/formFieldsOf.ts';
import { guardOfRows, rowsOfGuard } from '../conditions/guardOfRows.ts';
import type { TransitionPatch, WorkflowChange } from '../workflowChanges.ts';
import { ROLE_LABELS } from '../workflowLabels.ts';
import { CommitTextField } from './CommitTextField.tsx';
import { ConditionBuilder } from './ConditionBuilder.tsx';
import { DurationField } from './DurationField.tsx';
import { EffectsEditor } from './EffectsEditor.tsx';

export interface TransitionPropertiesProps {
  transition: TransitionDefinition;
  definition: DemarcheDefinition;
  fields: readonly FormFieldChoice[];
  dispatch: (change: WorkflowChange) => void;
  onDeleted: (message: string) => void;
}

/**
 * The selected transition's properties: label, ends, roles allowed, the guard (built from
 * conditions on form fields), the timer, the effects; and its deletion.
 */
export function TransitionProperties({
  transition,
  definition,
  fields,
  dispatch,
  onDeleted,
}: TransitionPropertiesProps) {
  const id = useId();
  const update = (patch: TransitionPatch) =>
    dispatch({ type: 'updateTransition', id: transition.id, patch });
  const states = definition.workflow.states;
  const global = transition.from === '*';

  function toggleSource(stateId: string, on: boolean) {
    const from: string[] = transition.from === '*' ? [] : transition.from;
    const next = on ? [...from, stateId] : from.filter((source) => source !== stateId);
    if (next.length > 0) update({ from: next });
  }

  function toggleRole(role: Role, on: boolean) {
    update({ by: on ? [...transition.by, role] : transition.by.filter((r) => r !== role) });
  }

  return (
    <section className="proprietes" aria-labelledby={`${id}-titre`}>
      <h2 id={`${id}-titre`}>Transition « {transition.label} »</h2>
      <p className="identifiant">
        Identifiant : <code>{transition.id}</code>
      </p>
      <CommitTextField
        label="Libellé du bouton"
        value={transition.label}
        requiredMessage="Le libellé est obligatoire."
        onCommit={(label) => update({ label })}
      />
      <fieldset className="champ">
        <legend>Depuis</legend>
        <div className="case">
          <input
            id={`${id}-globale`}
            type="checkbox"
            checked={global}
            onChange={(event) =>
              update({
                from: event.target.checked
                  ? '*'
                  : states
                      .filter((s) => s.kind === 'active')
                      .slice(0, 1)
                      .map((s) => s.id),
              })
            }
          />
          <label htmlFor={`${id}-globale`}>Tout état en cours (transition globale)</label>
        </div>
        {!global &&
          states.map((state) => (
            <div className="case" key={state.id}>
              <input
                id={`${id}-depuis-${state.id}`}
                type="checkbox"
                checked={transition.from.includes(state.id)}
                onChange={(event) => toggleSource(state.id, event.target.checked)}
              />
              <label htmlFor={`${id}-depuis-${state.id}`}>{state.label}</label>
            </div>
          ))}
      </fieldset>
      <div className="champ">
        <label htmlFor={`${id}-vers`}>Vers</label>
        <select
          id={`${id}-vers`}
          value={transition.to}
          onChange={(event) => update({ to: event.target.value })}
        >
          {states.map((state) => (
            <option key={state.id} value={state.id}>
              {state.label}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="champ">
        <legend>Qui peut la déclencher</legend>
        {ROLES.map((role) => (
          <div className="case" key={role}>
            <input
              id={`${id}-role-${role}`}
              type="checkbox"
              checked={transition.by.includes(role)}
              onChange={(event) => toggleRole(role, event.target.checked)}
            />
            <label htmlFor={`${id}-role-${role}`}>{ROLE_LABELS[role]}</label>
          </div>
        ))}
      </fieldset>
      <ConditionBuilder
        legend="Possible seulement si (garde)"
        rows={transition.guardOn === 'context' ? null : rowsOfGuard(transition.guard)}
        fields={fields}
        onChange={(rows) => update({ guard: guardOfRows(rows) })}
      />
      {transition.guard !== undefined && (
        <CommitTextField
          label="Message si la condition n’est pas remplie"
          value={transition.guardMessage ?? ''}
          onCommit={(message) => update({ guardMessage: message || undefined })}
        />
      )}
      <DurationField
        legend="Se déclenche d’elle-même après (minuterie)"
        value={transition.after}
        onChange={(after) => update({ after, ...(after ? {} : { since: undefined }) })}
      />
      {transition.after !== undefined && (
        <CommitTextField
          label="Compter ce délai depuis le jalon (vide : l’entrée dans l’état)"
          value={transition.since ?? ''}
          onCommit={(since) => update({ since: since || undefined })}
        />
      )}
      <CommitTextField
        label="Enregistrer un jalon à ce moment (identifiant)"
        value={transition.milestone ?? ''}
        onCommit={(milestone) => update({ milestone: milestone || undefined })}
      />
      <EffectsEditor
        effects={transition.effects ?? []}
        definition={definition}
        fields={fields}
        onChange={(effects) => update({ effects })}
      />
      <button
        type="button"
        className="danger"
        onClick={() => {
          dispatch({ type: 'removeTransition', id: transition.id });
          onDeleted(`Transition « ${transition.label} » supprimée.`);
        }}
      >
        Supprimer la transition
      </button>
    </section>
  );
}
