import { type FieldTemplateProps, getUiOptions } from '@rjsf/utils';
import { RequiredMark } from './RequiredMark.tsx';

/** Widgets that are a group of inputs: a fieldset and a legend, not one label. */
const GROUP_WIDGETS = new Set(['radio', 'checkboxes']);

/**
 * Every field: its label tied to the input (`for`/`id`), « obligatoire » in words, the
 * description, the input, the errors and the help (which the input names in
 * `aria-describedby`). Radio and checkbox groups get a fieldset and a legend; objects and
 * repeated groups draw their own fieldset (ObjectFieldTemplate, ArrayFieldTemplate).
 */
export function FieldTemplate(props: FieldTemplateProps) {
  const { id, label, children, errors, help, description, hidden, required, displayLabel } = props;
  if (hidden) return <div hidden>{children}</div>;
  const widget = getUiOptions(props.uiSchema).widget;
  const isFile = props.schema['x-file'] !== undefined;
  const isContainer = !isFile && (props.schema.type === 'object' || props.schema.type === 'array');
  if (isContainer) {
    return (
      <div className="champ-groupe">
        {children}
        {errors}
        {help}
      </div>
    );
  }
  if (typeof widget === 'string' && GROUP_WIDGETS.has(widget)) {
    return (
      <fieldset className="champ champ-choix">
        <legend>
          {label}
          {required ? <RequiredMark /> : null}
        </legend>
        {description}
        {children}
        {errors}
        {help}
      </fieldset>
    );
  }
  return (
    <div className="champ">
      {displayLabel || isFile ? (
        <label htmlFor={id}>
          {label}
          {required ? <RequiredMark /> : null}
        </label>
      ) : null}
      {displayLabel ? description : null}
      {children}
      {errors}
      {help}
    </div>
  );
}
