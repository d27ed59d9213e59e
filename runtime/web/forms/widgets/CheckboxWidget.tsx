import type { WidgetProps } from '@rjsf/utils';
import { describedBy, invalid } from '../describedBy.ts';
import { RequiredMark } from '../templates/RequiredMark.tsx';

/** A yes/no box with its own label (FieldTemplate shows none for it). */
export function CheckboxWidget(props: WidgetProps) {
  const { id, value, disabled, readonly, onChange, onBlur, onFocus, label } = props;
  const { schema, uiSchema, rawErrors, required } = props;
  return (
    <div className="choix-option">
      <input
        type="checkbox"
        id={id}
        name={props.htmlName || id}
        checked={value === true}
        disabled={disabled || readonly}
        required={required}
        aria-invalid={invalid(rawErrors)}
        aria-describedby={describedBy(id, { schema, uiSchema, rawErrors })}
        onChange={(event) => onChange(event.target.checked)}
        onBlur={() => onBlur(id, value)}
        onFocus={() => onFocus(id, value)}
      />
      <label htmlFor={id}>
        {label || schema.title}
        {required ? <RequiredMark /> : null}
      </label>
    </div>
  );
}
