import { useId, useState } from 'react';
import { uniqueName } from './fieldKinds.ts';

type Schema = Record<string, unknown>;

/**
 * The sub-fields of a repeated group (`items.properties`), as short texts: relabel,
 * remove, add. Other kinds of sub-field are written in the JSON tab.
 */
export function GroupFieldsEditor({
  schema,
  onChange,
}: {
  schema: Schema;
  onChange: (schema: Schema) => void;
}) {
  const id = useId();
  const [label, setLabel] = useState('');
  const items = (schema['items'] ?? { type: 'object', properties: {} }) as Schema;
  const properties = (items['properties'] ?? {}) as Record<string, Schema>;
  const withProperties = (next: Record<string, Schema>) =>
    onChange({ ...schema, items: { ...items, properties: next } });
  function add() {
    if (label.trim() === '') return;
    const name = uniqueName('sousChamp', Object.keys(properties));
    withProperties({
      ...properties,
      [name]: { type: 'string', title: label.trim(), maxLength: 200 },
    });
    setLabel('');
  }
  const entries = Object.entries(properties);
  return (
    <fieldset className="champ">
      <legend>Champs de chaque élément</legend>
      <ul className="liste-choix">
        {entries.map(([name, sub], index) => (
          <li key={name}>
            <label htmlFor={`${id}-${index}`} className="visuellement-cache">
              Libellé du champ {index + 1} de l’élément
            </label>
            <input
              id={`${id}-${index}`}
              value={typeof sub['title'] === 'string' ? sub['title'] : name}
              onChange={(event) =>
                withProperties({ ...properties, [name]: { ...sub, title: event.target.value } })
              }
            />
            <button
              type="button"
              disabled={entries.length <= 1}
              onClick={() =>
                withProperties(Object.fromEntries(entries.filter(([other]) => other !== name)))
              }
            >
              Retirer <span className="visuellement-cache">ce champ de l’élément</span>
            </button>
          </li>
        ))}
      </ul>
      <label htmlFor={`${id}-nouveau`}>Nouveau champ (texte court)</label>
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
        Ajouter ce champ
      </button>
    </fieldset>
  );
}
