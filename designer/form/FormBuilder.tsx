import { memo, useState } from 'react';
import type { DemarcheDefinition } from '../../shared/definition/index.ts';
import {
  type DraftDispatch,
  formOutline,
  type OutlineItem,
  pagedBySections,
} from '../editing/index.ts';
import { duplicateField } from './duplicateField.ts';
import { FieldOutline } from './FieldOutline.tsx';
import { FieldPalette } from './FieldPalette.tsx';
import { FieldProperties } from './FieldProperties.tsx';
import { FormPreview } from './FormPreview.tsx';
import type { FieldKind } from './fieldKinds.ts';
import { MetaFields } from './MetaFields.tsx';
import { newField } from './newField.ts';
import { outlineItemKey } from './outlineItemKey.ts';
import { itemLabel } from './outlineLabels.ts';
import { RulesEditor } from './RulesEditor.tsx';
import { SectionProperties } from './SectionProperties.tsx';
import { uniqueSectionId } from './uniqueSectionId.ts';
import { useStableOutline } from './useStableOutline.ts';

export interface FormBuilderProps {
  definition: DemarcheDefinition;
  dispatch: DraftDispatch;
  undo: () => void;
  /** The selected outline item (`champ:<name>` / `section:<id>`), kept by the page so the lint panel can set it. */
  selectedKey: string | null;
  onSelect: (key: string | null) => void;
}

/**
 * The form builder: palette, the ordered list of fields and sections, the selected
 * item's properties, and the preview. Every action is a draft change (undoable); a
 * deletion says so with an « Annuler » button right there. Memoised: the workspace
 * re-renders for its own reasons (save status, checks) without redrawing the builder.
 */
export const FormBuilder = memo(function FormBuilder({
  definition,
  dispatch,
  undo,
  selectedKey,
  onSelect,
}: FormBuilderProps) {
  const outline = useStableOutline(formOutline(definition));
  const [notice, setNotice] = useState<{ text: string; undoable: boolean } | null>(null);
  const selectedIndex = outline.findIndex((item) => outlineItemKey(item) === selectedKey);
  const insertAt = selectedIndex >= 0 ? selectedIndex + 1 : outline.length;
  const selected = selectedIndex >= 0 ? outline[selectedIndex] : undefined;

  function addField(kind: FieldKind) {
    const field = newField(definition, kind);
    dispatch({ type: 'addField', field, index: insertAt });
    onSelect(outlineItemKey({ kind: 'field', name: field.name }));
    setNotice({
      text: `Champ « ${String((field.schema as { title?: unknown }).title)} » ajouté.`,
      undoable: false,
    });
  }
  function addSection() {
    const id = uniqueSectionId(definition);
    dispatch({ type: 'addSection', section: { id, title: 'Nouvelle section' }, index: insertAt });
    onSelect(outlineItemKey({ kind: 'section', id }));
    setNotice({ text: 'Section ajoutée.', undoable: false });
  }
  function remove(item: OutlineItem) {
    const label = itemLabel(definition, item);
    dispatch(
      item.kind === 'field'
        ? { type: 'removeField', name: item.name }
        : { type: 'removeSection', id: item.id },
    );
    if (selectedKey === outlineItemKey(item)) onSelect(null);
    setNotice({ text: `${label} supprimé.`, undoable: true });
  }
  function duplicate(name: string) {
    const change = duplicateField(definition, name);
    if (change?.type !== 'addField') return;
    dispatch(change);
    onSelect(outlineItemKey({ kind: 'field', name: change.field.name }));
    setNotice({ text: 'Champ dupliqué.', undoable: false });
  }
  return (
    <div className="constructeur">
      <MetaFields definition={definition} dispatch={dispatch} />
      <div className="colonnes-constructeur">
        <FieldPalette onAddField={addField} onAddSection={addSection} />
        <section className="plan" aria-labelledby="titre-plan">
          <h3 id="titre-plan">Formulaire</h3>
          <div role="status" className="annonce">
            {notice ? (
              <>
                {notice.text}{' '}
                {notice.undoable ? (
                  <button
                    type="button"
                    onClick={() => {
                      undo();
                      setNotice({ text: 'Suppression annulée.', undoable: false });
                    }}
                  >
                    Annuler la suppression
                  </button>
                ) : null}
              </>
            ) : null}
          </div>
          {outline.length === 0 ? (
            <p>Le formulaire est vide : ajoutez un premier champ depuis la palette.</p>
          ) : null}
          <FieldOutline
            definition={definition}
            outline={outline}
            selectedKey={selectedKey}
            actions={{
              onSelect: (item) => onSelect(outlineItemKey(item)),
              onMove: (from, to) => dispatch({ type: 'moveItem', from, to }),
              onDuplicate: duplicate,
              onRemove: remove,
            }}
          />
        </section>
        <div className="colonne-proprietes">
          {selected?.kind === 'field' ? (
            <FieldProperties
              key={selected.name}
              definition={definition}
              dispatch={dispatch}
              name={selected.name}
              onRenamed={(name) => onSelect(outlineItemKey({ kind: 'field', name }))}
            />
          ) : selected?.kind === 'section' ? (
            <SectionProperties definition={definition} dispatch={dispatch} id={selected.id} />
          ) : (
            <p className="aide">Choisissez un champ dans la liste pour modifier ses propriétés.</p>
          )}
        </div>
      </div>
      <StepsChoice definition={definition} dispatch={dispatch} />
      <RulesEditor definition={definition} dispatch={dispatch} />
      <FormPreview definition={definition} />
    </div>
  );
});

/**
 * One page, or one step per section (with the fields above the first heading as a first
 * step): the citizen then fills the form page by page, and a section's properties offer
 * the condition that shows its step. Steps written otherwise in the JSON tab are kept.
 */
function StepsChoice({
  definition,
  dispatch,
}: {
  definition: DemarcheDefinition;
  dispatch: DraftDispatch;
}) {
  const pages = definition.form.pages;
  if (Array.isArray(pages) && pages.length > 0 && !pagedBySections(definition)) {
    return (
      <p className="aide">
        Ce formulaire se remplit en {pages.length} étapes définies dans l’onglet JSON.
      </p>
    );
  }
  return (
    <div className="carte etapes">
      <label>
        <input
          type="checkbox"
          checked={Array.isArray(pages)}
          onChange={(event) => dispatch({ type: 'setStepwise', stepwise: event.target.checked })}
        />{' '}
        Remplir en étapes : une page par section
      </label>
    </div>
  );
}
