import { type BaseInputTemplateProps, getInputProps } from '@rjsf/utils';
import { autocompleteFor } from '../autocompleteFor.ts';
import { describedBy, invalid } from '../describedBy.ts';
import { useTypedText } from '../useTypedText.ts';

/**
 * Every text-like input (text, e-mail, number, date…). The browser keeps what is typed
 * (`useTypedText`): the form gets it after a pause or on leaving the field, so a keystroke
 * renders nothing and its cost stays flat however long the form.
 * Label, help and errors are tied to it by id; `aria-invalid` when it shows an error;
 * `autocomplete` from the UI schema or the format.
 */
export function BaseInputTemplate(props: BaseInputTemplateProps) {
  const { id, value, readonly, disabled, autofocus, onBlur, onFocus, onChange, options } = props;
  const { schema, uiSchema, rawErrors, type, required, placeholder } = props;
  const typed = useTypedText<HTMLInputElement>(value, (text) =>
    onChange(text === '' ? options.emptyValue : text),
  );
  const inputProps = getInputProps(schema, type, options);
  return (
    <input
      id={id}
      name={props.htmlName || id}
      className="champ-saisie"
      {...inputProps}
      ref={typed.ref}
      defaultValue={typed.defaultValue}
      readOnly={readonly}
      disabled={disabled}
      // biome-ignore lint/a11y/noAutofocus: only when the definition asks for it
      autoFocus={autofocus}
      required={required}
      placeholder={placeholder}
      autoComplete={autocompleteFor(schema, uiSchema?.['ui:autocomplete'])}
      aria-invalid={invalid(rawErrors)}
      aria-describedby={describedBy(id, { schema, uiSchema, rawErrors })}
      onBlur={(event) => {
        typed.onBlur(event);
        onBlur(id, event.target.value);
      }}
      onFocus={(event) => onFocus(id, event.target.value)}
    />
  );
}
