import type { WidgetProps } from '@rjsf/utils';
import { describedBy, invalid } from '../describedBy.ts';
import { useTypedText } from '../useTypedText.ts';

/** A long text: like BaseInputTemplate, it commits on a pause or on leaving the field. */
export function TextareaWidget(props: WidgetProps) {
  const { id, value, readonly, disabled, onChange, onBlur, onFocus, options } = props;
  const { schema, uiSchema, rawErrors, required } = props;
  const typed = useTypedText<HTMLTextAreaElement>(value, (text) =>
    onChange(text === '' ? options.emptyValue : text),
  );
  return (
    <textarea
      id={id}
      name={props.htmlName || id}
      className="champ-saisie"
      rows={typeof options.rows === 'number' ? options.rows : 5}
      ref={typed.ref}
      defaultValue={typed.defaultValue}
      readOnly={readonly}
      disabled={disabled}
      required={required}
      maxLength={typeof schema.maxLength === 'number' ? schema.maxLength : undefined}
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
