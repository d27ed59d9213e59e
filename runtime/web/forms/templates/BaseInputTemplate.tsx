import { type BaseInputTemplateProps, getInputProps } from '@rjsf/utils';
import { type ChangeEvent, useCallback, useEffect, useRef, useState } from 'react';
import { autocompleteFor } from '../autocompleteFor.ts';
import { describedBy, invalid } from '../describedBy.ts';

/** Typing pauses this long before the answer reaches the form's state. */
const COMMIT_AFTER_MS = 300;

function asText(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

/**
 * Every text-like input (text, e-mail, number, date…). It keeps what is typed in its own
 * state and hands it to the form after a pause or on leaving the field, so a keystroke
 * re-renders this input only, not the form (the cost stays flat however long the form).
 * Label, help and errors are tied to it by id; `aria-invalid` when it shows an error;
 * `autocomplete` from the UI schema or the format.
 */
export function BaseInputTemplate(props: BaseInputTemplateProps) {
  const { id, value, readonly, disabled, autofocus, onBlur, onFocus, onChange, options } = props;
  const { schema, uiSchema, rawErrors, type, required, placeholder } = props;
  const [text, setText] = useState(() => asText(value));
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const typing = useRef(false);

  // The form's value changed from elsewhere (a reload, a computed value): show it.
  useEffect(() => {
    if (!typing.current) setText(asText(value));
  }, [value]);
  useEffect(() => () => clearPending(pending), []);

  const commit = useCallback(
    (next: string) => {
      clearPending(pending);
      typing.current = false;
      onChange(next === '' ? options.emptyValue : next);
    },
    [onChange, options.emptyValue],
  );
  const handleChange = useCallback(
    (event: ChangeEvent<HTMLInputElement>) => {
      const next = event.target.value;
      typing.current = true;
      setText(next);
      clearPending(pending);
      pending.current = setTimeout(() => commit(next), COMMIT_AFTER_MS);
    },
    [commit],
  );
  const inputProps = getInputProps(schema, type, options);
  return (
    <input
      id={id}
      name={props.htmlName || id}
      className="champ-saisie"
      {...inputProps}
      value={text}
      readOnly={readonly}
      disabled={disabled}
      // biome-ignore lint/a11y/noAutofocus: only when the definition asks for it
      autoFocus={autofocus}
      required={required}
      placeholder={placeholder}
      autoComplete={autocompleteFor(schema, uiSchema?.['ui:autocomplete'])}
      aria-invalid={invalid(rawErrors)}
      aria-describedby={describedBy(id, { schema, uiSchema, rawErrors })}
      onChange={handleChange}
      onBlur={(event) => {
        if (typing.current) commit(event.target.value);
        onBlur(id, event.target.value);
      }}
      onFocus={(event) => onFocus(id, event.target.value)}
    />
  );
}

function clearPending(pending: { current: ReturnType<typeof setTimeout> | null }) {
  if (pending.current !== null) clearTimeout(pending.current);
  pending.current = null;
}
