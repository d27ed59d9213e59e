import { useState } from 'react';
import type { SafeChooser } from '../formContext.ts';

/**
 * Beside a file field's upload: a list of the citizen's own documents (« Mes documents »)
 * and a button that attaches the chosen one, so a proof of address is not sent again.
 */
export function SafePicker(props: {
  id: string;
  documents: SafeChooser['documents'];
  disabled: boolean | undefined;
  onPick(documentId: string): void;
}) {
  const [chosen, setChosen] = useState(props.documents[0]?.id ?? '');
  const selectId = `${props.id}__mes-documents`;
  return (
    <p className="mes-documents">
      <label htmlFor={selectId}>Ou joindre un de mes documents</label>{' '}
      <select
        id={selectId}
        value={chosen}
        disabled={props.disabled}
        onChange={(event) => setChosen(event.target.value)}
      >
        {props.documents.map((document) => (
          <option key={document.id} value={document.id}>
            {document.label} ({document.fileName})
          </option>
        ))}
      </select>{' '}
      <button
        type="button"
        className="bouton-secondaire"
        disabled={props.disabled || chosen === ''}
        onClick={() => props.onPick(chosen)}
      >
        Joindre ce document
      </button>
    </p>
  );
}
