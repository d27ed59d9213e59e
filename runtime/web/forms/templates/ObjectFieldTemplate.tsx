import type { ObjectFieldTemplateProps } from '@rjsf/utils';

/**
 * A group of fields: a fieldset with its title as legend, or a plain block when it has
 * no title (the step's own heading already names it).
 */
export function ObjectFieldTemplate(props: ObjectFieldTemplateProps) {
  const { title, description, properties, fieldPathId, required } = props;
  const content = properties.map((property) => property.content);
  if (!title) return <div id={fieldPathId.$id}>{content}</div>;
  return (
    <fieldset id={fieldPathId.$id} className="groupe">
      <legend id={`${fieldPathId.$id}__title`}>
        {title}
        {required ? <span className="obligatoire"> (obligatoire)</span> : null}
      </legend>
      {description ? (
        <p id={`${fieldPathId.$id}__description`} className="champ-description">
          {description}
        </p>
      ) : null}
      {content}
    </fieldset>
  );
}
