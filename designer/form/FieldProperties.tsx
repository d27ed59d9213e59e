import { useEffect, useId, useState } from 'react';
import type { DemarcheDefinition } from '../../shared/definition/index.ts';
import { type DraftChange, type DraftDispatch, propertiesOf } from '../editing/index.ts';
import { ChoicesEditor } from './ChoicesEditor.tsx';
import { ComputedEditor } from './ComputedEditor.tsx';
import { fieldKindInfo, fieldKindOf } from './fieldKinds.ts';
import { GroupFieldsEditor } from './GroupFieldsEditor.tsx';
import { ValidationEditor } from './ValidationEditor.tsx';

/** A property name as the data and expressions use it. */
const NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * The selected field's properties: identifier, label, help, required, then what its kind
 * offers (choices, checks in plain words, the computation, the text to show).
 */
export function FieldProperties({
  definition,
  dispatch,
  name,
  onRenamed,
}: {
  definition: DemarcheDefinition;
  dispatch: DraftDispatch;
  name: string;
  onRenamed: (name: string) => void;
}) {
  const id = useId();
  const schema = (propertiesOf(definition)[name] ?? {}) as Record<string, unknown>;
  const ui = (definition.form.uiSchema?.[name] ?? {}) as Record<string, unknown>;
  const kind = fieldKindOf(schema, ui);
  const required =
    Array.isArray((definition.form.schema as { required?: unknown }).required) &&
    (definition.form.schema as { required: string[] }).required.includes(name);
  const setSchema = (next: Record<string, unknown>) =>
    dispatch({ type: 'updateField', name, schema: next });
  const setUi = (next: Record<string, unknown>) =>
    dispatch({ type: 'updateField', name, ui: next });
  const [draftName, setDraftName] = useState(name);
  useEffect(() => setDraftName(name), [name]);
  const nameError =
    draftName === name
      ? null
      : !NAME_PATTERN.test(draftName)
        ? 'Commencez par une lettre ; lettres sans accent, chiffres et _ seulement.'
        : Object.hasOwn(propertiesOf(definition), draftName)
          ? 'Un autre champ porte déjà cet identifiant.'
          : null;
  function commitName() {
    if (draftName === name || nameError) return;
    dispatch({ type: 'updateField', name, rename: draftName });
    onRenamed(draftName);
  }
  const help = typeof ui['ui:help'] === 'string' ? ui['ui:help'] : '';
  const canBeRequired = kind !== 'explanation' && kind !== 'computed';
  return (
    <section className="proprietes" aria-labelledby={`${id}-titre`}>
      <h3 id={`${id}-titre`}>Propriétés du champ</h3>
      <p className="aide">Type : {fieldKindInfo(kind).label}</p>
      <div className="champ">
        <label htmlFor={`${id}-libelle`}>Libellé</label>
        <input
          id={`${id}-libelle`}
          value={typeof schema['title'] === 'string' ? schema['title'] : ''}
          onChange={(event) => setSchema({ ...schema, title: event.target.value })}
        />
      </div>
      {kind === 'explanation' ? (
        <div className="champ">
          <label htmlFor={`${id}-texte`}>Texte affiché</label>
          <textarea
            id={`${id}-texte`}
            rows={4}
            value={typeof schema['description'] === 'string' ? schema['description'] : ''}
            onChange={(event) => setSchema({ ...schema, description: event.target.value })}
          />
        </div>
      ) : (
        <div className="champ">
          <label htmlFor={`${id}-aide`}>Texte d’aide</label>
          <input
            id={`${id}-aide`}
            value={help}
            onChange={(event) => {
              const { 'ui:help': _help, ...rest } = ui;
              setUi(event.target.value === '' ? rest : { ...rest, 'ui:help': event.target.value });
            }}
          />
        </div>
      )}
      {canBeRequired ? (
        <div className="choix">
          <input
            id={`${id}-obligatoire`}
            type="checkbox"
            checked={required}
            onChange={(event) => {
              const changes: DraftChange[] = [
                { type: 'updateField', name, required: event.target.checked },
              ];
              // A required file needs at least one piece: `required` alone accepts an empty list.
              if (kind === 'file') {
                const { minItems: _min, ...rest } = schema;
                changes.push({
                  type: 'updateField',
                  name,
                  schema: event.target.checked ? { ...rest, minItems: 1 } : rest,
                });
              }
              dispatch(changes);
            }}
          />
          <label htmlFor={`${id}-obligatoire`}>Réponse obligatoire</label>
        </div>
      ) : null}
      {kind === 'singleChoice' || kind === 'multipleChoice' ? (
        <ChoicesEditor schema={schema} onChange={setSchema} />
      ) : null}
      <ValidationEditor kind={kind} schema={schema} onChange={setSchema} />
      {kind === 'computed' ? (
        <ComputedEditor definition={definition} dispatch={dispatch} name={name} />
      ) : null}
      {kind === 'group' ? <GroupFieldsEditor schema={schema} onChange={setSchema} /> : null}
      <div className="champ">
        <label htmlFor={`${id}-identifiant`}>Identifiant technique</label>
        <p className="aide" id={`${id}-aide-identifiant`}>
          Nom de la donnée dans les dossiers, les modèles de courrier et les conditions.
        </p>
        <input
          id={`${id}-identifiant`}
          value={draftName}
          aria-describedby={`${id}-aide-identifiant${nameError ? ` ${id}-erreur-identifiant` : ''}`}
          aria-invalid={nameError ? true : undefined}
          onChange={(event) => setDraftName(event.target.value)}
          onBlur={commitName}
          onKeyDown={(event) => {
            if (event.key === 'Enter') commitName();
          }}
        />
        {nameError ? (
          <p className="message-erreur" id={`${id}-erreur-identifiant`}>
            {nameError}
          </p>
        ) : null}
      </div>
    </section>
  );
}
