import { useId } from 'react';
import type { DemarcheDefinition } from '../../shared/definition/index.ts';
import type { DraftDispatch } from '../editing/index.ts';

/** The démarche's title, description and reference prefix. */
export function MetaFields({
  definition,
  dispatch,
}: {
  definition: DemarcheDefinition;
  dispatch: DraftDispatch;
}) {
  const id = useId();
  return (
    <details className="carte informations">
      <summary>Informations générales</summary>
      <div className="champ">
        <label htmlFor={`${id}-titre`}>Titre de la démarche</label>
        <input
          id={`${id}-titre`}
          data-meta="title"
          value={definition.meta.title ?? ''}
          onChange={(event) => dispatch({ type: 'setMeta', patch: { title: event.target.value } })}
        />
      </div>
      <div className="champ">
        <label htmlFor={`${id}-description`}>Présentation pour l’usager</label>
        <textarea
          id={`${id}-description`}
          data-meta="description"
          rows={3}
          value={definition.meta.description ?? ''}
          onChange={(event) =>
            dispatch({
              type: 'setMeta',
              patch: { description: event.target.value === '' ? undefined : event.target.value },
            })
          }
        />
      </div>
      <div className="champ">
        <label htmlFor={`${id}-prefixe`}>Préfixe des références de dossier</label>
        <p className="aide" id={`${id}-aide-prefixe`}>
          2 à 10 lettres majuscules : « APA » donne APA-2026-000123.
        </p>
        <input
          id={`${id}-prefixe`}
          data-meta="referencePrefix"
          aria-describedby={`${id}-aide-prefixe`}
          value={definition.meta.referencePrefix ?? ''}
          onChange={(event) =>
            dispatch({
              type: 'setMeta',
              patch: { referencePrefix: event.target.value.toUpperCase() },
            })
          }
        />
      </div>
    </details>
  );
}
