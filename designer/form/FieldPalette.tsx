import { FIELD_KINDS, type FieldKind } from './fieldKinds.ts';

/**
 * The palette: one button per kind of field, and one for a section heading. A click (or
 * Enter) adds it after the selected item, or at the end.
 */
export function FieldPalette({
  onAddField,
  onAddSection,
}: {
  onAddField: (kind: FieldKind) => void;
  onAddSection: () => void;
}) {
  return (
    <section className="palette" aria-labelledby="titre-palette">
      <h3 id="titre-palette">Ajouter</h3>
      <ul>
        {FIELD_KINDS.map((info) => (
          <li key={info.kind}>
            <button type="button" className="bouton-palette" onClick={() => onAddField(info.kind)}>
              <span className="visuellement-cache">Ajouter un champ </span>
              {info.label}
            </button>
          </li>
        ))}
        <li>
          <button type="button" className="bouton-palette" onClick={onAddSection}>
            <span className="visuellement-cache">Ajouter une </span>
            Section (titre de partie)
          </button>
        </li>
      </ul>
    </section>
  );
}
