import { useId, useState } from 'react';
import {
  type DemarcheDefinition,
  EFFECT_TYPES,
  type Effect,
  type Priority,
} from '../../../shared/definition/index.ts';
import { expressionOfRows, rowsOfExpression } from '../conditions/expressionOfRows.ts';
import type { FormFieldChoice } from '../conditions/formFieldsOf.ts';
import { EFFECT_LABELS } from '../workflowLabels.ts';
import { CommitTextField } from './CommitTextField.tsx';
import { ConditionBuilder } from './ConditionBuilder.tsx';
import { DurationField } from './DurationField.tsx';

const PRIORITY_LABELS: Record<Priority, string> = {
  low: 'Basse',
  normal: 'Normale',
  high: 'Haute',
  urgent: 'Urgente',
};

const RECIPIENT_LABELS = {
  applicant: 'L’usager',
  assignee: 'L’agent affecté',
  unit: 'L’unité',
} as const;

export interface EffectsEditorProps {
  effects: readonly Effect[];
  definition: DemarcheDefinition;
  fields: readonly FormFieldChoice[];
  onChange: (effects: Effect[] | undefined) => void;
}

/** What happens when the transition fires: a list to add to, edit and remove from. */
export function EffectsEditor({ effects, definition, fields, onChange }: EffectsEditorProps) {
  const id = useId();
  const [type, setType] = useState<Effect['type']>('notify');
  const replace = (index: number, effect: Effect) =>
    onChange(effects.map((current, at) => (at === index ? effect : current)));
  return (
    <fieldset className="champ effets">
      <legend>Effets</legend>
      {effects.length === 0 && <p>Aucun effet.</p>}
      <ol>
        {effects.map((effect, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: effects have no id but their place
          <li key={index}>
            <p className="effet-titre">{EFFECT_LABELS[effect.type]}</p>
            <EffectFields
              effect={effect}
              definition={definition}
              onChange={(next) => replace(index, next)}
            />
            <ConditionBuilder
              legend="Seulement si"
              rows={rowsOfExpression(effect.when)}
              fields={fields}
              onChange={(rows) => {
                const { when: _when, ...rest } = effect;
                const when = expressionOfRows(rows);
                replace(index, (when === undefined ? rest : { ...rest, when }) as Effect);
              }}
            />
            <button
              type="button"
              onClick={() => {
                const next = effects.filter((_, at) => at !== index);
                onChange(next.length === 0 ? undefined : next);
              }}
            >
              Retirer l’effet « {EFFECT_LABELS[effect.type]} »
            </button>
          </li>
        ))}
      </ol>
      <label htmlFor={`${id}-type`}>Type d’effet à ajouter</label>
      <select
        id={`${id}-type`}
        value={type}
        onChange={(event) => setType(event.target.value as Effect['type'])}
      >
        {EFFECT_TYPES.map((candidate) => (
          <option key={candidate} value={candidate}>
            {EFFECT_LABELS[candidate]}
          </option>
        ))}
      </select>
      <button type="button" onClick={() => onChange([...effects, newEffect(type, definition)])}>
        Ajouter l’effet
      </button>
    </fieldset>
  );
}

/** A new effect of that type, filled with the first template the démarche has. */
function newEffect(type: Effect['type'], definition: DemarcheDefinition): Effect {
  switch (type) {
    case 'notify':
      return { type, template: definition.notifications[0]?.id ?? '', to: { kind: 'applicant' } };
    case 'letter':
      return { type, template: definition.letters[0]?.id ?? '' };
    case 'webhook':
      return { type, url: 'https://' };
    case 'assign':
      return { type, agent: 'actor' };
    case 'route':
      return { type };
    case 'setDueDate':
      return { type, in: 'P15D' };
    case 'setPriority':
      return { type, priority: 'high' };
  }
}

function EffectFields({
  effect,
  definition,
  onChange,
}: {
  effect: Effect;
  definition: DemarcheDefinition;
  onChange: (effect: Effect) => void;
}) {
  const id = useId();
  switch (effect.type) {
    case 'notify':
      return (
        <>
          <TemplateSelect
            id={`${id}-modele`}
            value={effect.template}
            templates={definition.notifications.map((t) => ({ id: t.id, title: t.subject }))}
            onChange={(template) => onChange({ ...effect, template })}
          />
          <label htmlFor={`${id}-destinataire`}>Destinataire</label>
          <select
            id={`${id}-destinataire`}
            value={effect.to.kind}
            onChange={(event) => {
              const kind = event.target.value;
              if (kind === 'applicant' || kind === 'assignee' || kind === 'unit')
                onChange({ ...effect, to: { kind } });
            }}
          >
            {Object.entries(RECIPIENT_LABELS).map(([kind, label]) => (
              <option key={kind} value={kind}>
                {label}
              </option>
            ))}
            {effect.to.kind in RECIPIENT_LABELS ? null : (
              <option value={effect.to.kind}>Autre (voir l’onglet JSON)</option>
            )}
          </select>
        </>
      );
    case 'letter':
      return (
        <TemplateSelect
          id={`${id}-modele`}
          value={effect.template}
          templates={definition.letters}
          onChange={(template) => onChange({ ...effect, template })}
        />
      );
    case 'webhook':
      return (
        <CommitTextField
          label="Adresse du service web"
          type="url"
          value={effect.url}
          onCommit={(url) => onChange({ ...effect, url })}
        />
      );
    case 'assign':
      return (
        <CommitTextField
          label="Code de l’unité (vide : l’agent qui agit)"
          value={effect.unit ?? ''}
          onCommit={(unit) => {
            const { unit: _unit, agent: _agent, ...rest } = effect;
            onChange(unit ? { ...rest, unit } : { ...rest, agent: 'actor' });
          }}
        />
      );
    case 'setDueDate':
      return (
        <DurationField
          legend="Échéance dans"
          value={effect.in}
          onChange={(duration) => duration && onChange({ ...effect, in: duration })}
        />
      );
    case 'setPriority':
      return (
        <>
          <label htmlFor={`${id}-priorite`}>Priorité</label>
          <select
            id={`${id}-priorite`}
            value={effect.priority}
            onChange={(event) => onChange({ ...effect, priority: event.target.value as Priority })}
          >
            {Object.entries(PRIORITY_LABELS).map(([priority, label]) => (
              <option key={priority} value={priority}>
                {label}
              </option>
            ))}
          </select>
        </>
      );
    case 'route':
      return null;
  }
}

function TemplateSelect({
  id,
  value,
  templates,
  onChange,
}: {
  id: string;
  value: string;
  templates: ReadonlyArray<{ id: string; title: string }>;
  onChange: (template: string) => void;
}) {
  return (
    <>
      <label htmlFor={id}>Modèle</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {templates.some((template) => template.id === value) ? null : (
          <option value={value}>{value || '— aucun modèle —'}</option>
        )}
        {templates.map((template) => (
          <option key={template.id} value={template.id}>
            {template.title}
          </option>
        ))}
      </select>
    </>
  );
}
