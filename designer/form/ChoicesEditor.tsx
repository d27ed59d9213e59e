import { useId, useState } from 'react';
import { choicesOf, newChoiceValue, withChoices } from './choices.ts';

/** The answers offered by a choice field: relabel, remove, add. */
export function ChoicesEditor({
  schema,
  onChange,
}: {
  schema: Record<string, unknown>;
  onChange: (schema: Record<string, unknown>) => void;
}) {
  const id = useId();
  const choices = choicesOf(schema);
  const [label, setLabel] = useState('');
  function add() {
    if (label.trim() === '') return;
    onChange(
      withChoices(schema, [
        ...choices,
        { const: newChoiceValue(label, choices), title: label.trim() },
      ]),
    );
    setLabel('');
  }
  return (
    <fieldset className="champ">
      <legend>Choix proposés</legend>
      <ul className="liste-choix">
        {choices.map((choice, index) => (
          <li key={choice.const}>
            <label htmlFor={`${id}-${index}`} className="visuellement-cache">
              Libellé du choix {index + 1}
            </label>
            <input
              id={`${id}-${index}`}
              value={choice.title}
              onChange={(event) =>
                onChange(
                  withChoices(
                    schema,
                    choices.map((other, at) =>
                      at === index ? { ...other, title: event.target.value } : other,
                    ),
                  ),
                )
              }
            />
            <button
              type="button"
              disabled={choices.length <= 1}
              onClick={() =>
                onChange(
                  withChoices(
                    schema,
                    choices.filter((_, at) => at !== index),
                  ),
                )
              }
            >
              Retirer <span className="visuellement-cache">le choix {choice.title}</span>
            </button>
          </li>
        ))}
      </ul>
      <label htmlFor={`${id}-nouveau`}>Nouveau choix</label>
      <input
        id={`${id}-nouveau`}
        value={label}
        onChange={(event) => setLabel(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            add();
          }
        }}
      />
      <button type="button" onClick={add}>
        Ajouter ce choix
      </button>
    </fieldset>
  );
}
