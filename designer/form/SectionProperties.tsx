import { useId } from 'react';
import type { DemarcheDefinition } from '../../shared/definition/index.ts';
import { type DraftDispatch, pagedBySections } from '../editing/index.ts';
import { formFieldsOf } from '../workflow/conditions/formFieldsOf.ts';
import { guardOfRows, rowsOfGuard } from '../workflow/conditions/guardOfRows.ts';
import { ConditionBuilder } from '../workflow/panel/ConditionBuilder.tsx';

/** The selected section heading: its title and an optional introduction. */
export function SectionProperties({
  definition,
  dispatch,
  id,
}: {
  definition: DemarcheDefinition;
  dispatch: DraftDispatch;
  id: string;
}) {
  const htmlId = useId();
  const section = definition.form.sections?.find((candidate) => candidate.id === id);
  if (!section) return null;
  // In steps, the section is a page: it may be shown only when earlier answers say so.
  const page = pagedBySections(definition)
    ? definition.form.pages?.find((candidate) => candidate.id === id)
    : undefined;
  const otherFields = formFieldsOf(definition).filter(
    (field) => !section.fields.includes(field.name),
  );
  return (
    <section className="proprietes" aria-labelledby={`${htmlId}-titre`}>
      <h3 id={`${htmlId}-titre`}>Propriétés de la section</h3>
      <div className="champ">
        <label htmlFor={`${htmlId}-libelle`}>Titre de la section</label>
        <input
          id={`${htmlId}-libelle`}
          value={section.title}
          onChange={(event) => dispatch({ type: 'updateSection', id, title: event.target.value })}
        />
      </div>
      <div className="champ">
        <label htmlFor={`${htmlId}-description`}>Introduction</label>
        <textarea
          id={`${htmlId}-description`}
          rows={3}
          value={section.description ?? ''}
          onChange={(event) =>
            dispatch({
              type: 'updateSection',
              id,
              description: event.target.value === '' ? undefined : event.target.value,
            })
          }
        />
      </div>
      {page ? (
        <ConditionBuilder
          legend="Afficher cette étape seulement si"
          rows={rowsOfGuard(page.condition)}
          fields={otherFields}
          whenEmpty="Aucune condition : l’étape est toujours affichée."
          onChange={(rows) =>
            dispatch({ type: 'setPageCondition', id, condition: guardOfRows(rows) })
          }
        />
      ) : null}
    </section>
  );
}
