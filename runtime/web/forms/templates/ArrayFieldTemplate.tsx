import type { ArrayFieldTemplateProps } from '@rjsf/utils';

/**
 * A repeated group (« Vos enfants »): a fieldset with its title as legend, one block per
 * entry, and an « Ajouter » button naming what it adds.
 */
export function ArrayFieldTemplate(props: ArrayFieldTemplateProps) {
  const { title, items, canAdd, onAddClick, disabled, readonly, fieldPathId, schema } = props;
  const itemTitle =
    typeof schema.items === 'object' && !Array.isArray(schema.items) && schema.items.title
      ? schema.items.title
      : 'un élément';
  return (
    <fieldset id={fieldPathId.$id} className="groupe groupe-repete">
      <legend>{title}</legend>
      {items.length === 0 ? <p className="champ-aide">Aucun élément pour le moment.</p> : null}
      {items}
      {canAdd && !readonly ? (
        <button
          type="button"
          className="bouton-secondaire"
          onClick={onAddClick}
          disabled={disabled}
        >
          Ajouter : {itemTitle}
        </button>
      ) : null}
    </fieldset>
  );
}
