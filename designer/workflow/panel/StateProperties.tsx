import { useId } from 'react';
import {
  type Outcome,
  ROLES,
  type Role,
  type StateDefinition,
  type StateKind,
} from '../../../shared/definition/index.ts';
import type { WorkflowChange } from '../workflowChanges.ts';
import { KIND_LABELS, OUTCOME_LABELS, ROLE_LABELS } from '../workflowLabels.ts';
import { CommitTextField } from './CommitTextField.tsx';
import { DurationField } from './DurationField.tsx';

export interface StatePropertiesProps {
  state: StateDefinition;
  initial: boolean;
  /** Transitions that go with the state if it is deleted. */
  involved: number;
  dispatch: (change: WorkflowChange) => void;
  onDeleted: (message: string) => void;
}

/** The selected state's properties: label, nature and outcome, owner, SLA; and its deletion. */
export function StateProperties({
  state,
  initial,
  involved,
  dispatch,
  onDeleted,
}: StatePropertiesProps) {
  const id = useId();
  const update = (patch: Extract<WorkflowChange, { type: 'updateState' }>['patch']) =>
    dispatch({ type: 'updateState', id: state.id, patch });

  function changeKind(kind: StateKind) {
    update({ kind, outcome: kind === 'final' ? (state.outcome ?? 'accepted') : undefined });
  }

  function changeOwner(owner: { role?: Role | undefined; unit?: string | undefined }) {
    const next = { ...state.owner, ...owner };
    const kept = Object.fromEntries(
      Object.entries(next).filter(([, value]) => value !== undefined),
    );
    update({ owner: Object.keys(kept).length === 0 ? undefined : kept });
  }

  return (
    <section className="proprietes" aria-labelledby={`${id}-titre`}>
      <h2 id={`${id}-titre`}>État « {state.label} »</h2>
      <p className="identifiant">
        Identifiant : <code>{state.id}</code>
        {initial && ' — état initial'}
      </p>
      <CommitTextField
        label="Libellé"
        value={state.label}
        requiredMessage="Le libellé est obligatoire."
        onCommit={(label) => update({ label })}
      />
      <div className="champ">
        <label htmlFor={`${id}-nature`}>Nature</label>
        <select
          id={`${id}-nature`}
          value={state.kind}
          onChange={(event) => changeKind(event.target.value as StateKind)}
        >
          {Object.entries(KIND_LABELS).map(([kind, label]) => (
            <option key={kind} value={kind}>
              {label}
            </option>
          ))}
        </select>
      </div>
      {state.kind === 'final' && (
        <div className="champ">
          <label htmlFor={`${id}-issue`}>Issue</label>
          <select
            id={`${id}-issue`}
            value={state.outcome ?? 'accepted'}
            onChange={(event) => update({ outcome: event.target.value as Outcome })}
          >
            {Object.entries(OUTCOME_LABELS).map(([outcome, label]) => (
              <option key={outcome} value={outcome}>
                {label}
              </option>
            ))}
          </select>
        </div>
      )}
      <fieldset className="champ">
        <legend>Responsable</legend>
        <label htmlFor={`${id}-role`}>Rôle</label>
        <select
          id={`${id}-role`}
          value={state.owner?.role ?? ''}
          onChange={(event) =>
            changeOwner({ role: (event.target.value || undefined) as Role | undefined })
          }
        >
          <option value="">— aucun —</option>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </select>
        <CommitTextField
          label="Code de l’unité"
          value={state.owner?.unit ?? ''}
          onCommit={(unit) => changeOwner({ unit: unit || undefined })}
        />
      </fieldset>
      <DurationField
        legend="Délai de traitement (SLA)"
        value={state.sla}
        onChange={(sla) => update({ sla })}
      />
      {!initial && (
        <button
          type="button"
          className="danger"
          onClick={() => {
            dispatch({ type: 'removeState', id: state.id });
            onDeleted(
              `État « ${state.label} » supprimé${involved > 0 ? ` avec ${involved} transition(s)` : ''}.`,
            );
          }}
        >
          Supprimer l’état
          {involved > 0 ? ` et ses ${involved} transition(s)` : ''}
        </button>
      )}
      {initial || (
        <button type="button" onClick={() => dispatch({ type: 'setInitialState', id: state.id })}>
          En faire l’état initial
        </button>
      )}
    </section>
  );
}
