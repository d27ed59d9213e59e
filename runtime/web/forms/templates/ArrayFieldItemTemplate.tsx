import type { ArrayFieldItemTemplateProps } from '@rjsf/utils';

/** One entry of a repeated group, numbered, with a « Retirer » button that says which. */
export function ArrayFieldItemTemplate(props: ArrayFieldItemTemplateProps) {
  const { children, index, buttonsProps, readonly, disabled } = props;
  const label = `Élément ${index + 1}`;
  return (
    <fieldset className="element-repete">
      <legend>{label}</legend>
      {children}
      {buttonsProps.hasRemove && !readonly ? (
        <button
          type="button"
          className="bouton-secondaire"
          onClick={buttonsProps.onRemoveItem}
          disabled={disabled}
        >
          Retirer l’élément {index + 1}
        </button>
      ) : null}
    </fieldset>
  );
}
