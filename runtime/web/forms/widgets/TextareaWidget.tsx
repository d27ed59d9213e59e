import type { WidgetProps } from '@rjsf/utils';
import { useEffect, useRef, useState } from 'react';
import { describedBy, invalid } from '../describedBy.ts';

/** A long text: like BaseInputTemplate, it commits on a pause or on leaving the field. */
export function TextareaWidget(props: WidgetProps) {
  const { id, value, readonly, disabled, onChange, onBlur, onFocus, options } = props;
  const { schema, uiSchema, rawErrors, required } = props;
  const [text, setText] = useState(value ?? '');
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const typing = useRef(false);
  useEffect(() => {
    if (!typing.current) setText(value ?? '');
  }, [value]);
  useEffect(() => () => void (pending.current && clearTimeout(pending.current)), []);
  const commit = (next: string) => {
    if (pending.current) clearTimeout(pending.current);
    typing.current = false;
    onChange(next === '' ? options.emptyValue : next);
  };
  return (
    <textarea
      id={id}
      name={props.htmlName || id}
      className="champ-saisie"
      rows={typeof options.rows === 'number' ? options.rows : 5}
      value={text}
      readOnly={readonly}
      disabled={disabled}
      required={required}
      maxLength={typeof schema.maxLength === 'number' ? schema.maxLength : undefined}
      aria-invalid={invalid(rawErrors)}
      aria-describedby={describedBy(id, { schema, uiSchema, rawErrors })}
      onChange={(event) => {
        const next = event.target.value;
        typing.current = true;
        setText(next);
        if (pending.current) clearTimeout(pending.current);
        pending.current = setTimeout(() => commit(next), 300);
      }}
      onBlur={(event) => {
        if (typing.current) commit(event.target.value);
        onBlur(id, event.target.value);
      }}
      onFocus={(event) => onFocus(id, event.target.value)}
    />
  );
}
