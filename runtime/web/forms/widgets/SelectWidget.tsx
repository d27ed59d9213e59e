import { enumOptionsIndexForValue, enumOptionsValueForIndex, type WidgetProps } from '@rjsf/utils';
import { describedBy, invalid } from '../describedBy.ts';

/** A list of choices; the choice reaches the form at once. */
export function SelectWidget(props: WidgetProps) {
  const { id, value, disabled, readonly, onChange, onBlur, onFocus, options } = props;
  const { schema, uiSchema, rawErrors, required, multiple } = props;
  const { enumOptions = [], enumDisabled, emptyValue } = options;
  const selected = enumOptionsIndexForValue(value, enumOptions, multiple);
  const read = (target: HTMLSelectElement) =>
    enumOptionsValueForIndex(
      multiple ? [...target.selectedOptions].map((o) => o.value) : target.value,
      enumOptions,
      emptyValue,
    );
  return (
    <select
      id={id}
      name={props.htmlName || id}
      className="champ-saisie"
      multiple={multiple}
      value={selected === undefined ? (multiple ? [] : '') : (selected as string | string[])}
      disabled={disabled || readonly}
      required={required}
      aria-invalid={invalid(rawErrors)}
      aria-describedby={describedBy(id, { schema, uiSchema, rawErrors })}
      onChange={(event) => onChange(read(event.target))}
      onBlur={(event) => onBlur(id, read(event.target))}
      onFocus={(event) => onFocus(id, read(event.target))}
    >
      {multiple ? null : <option value="">— Choisir —</option>}
      {enumOptions.map((option, index) => (
        <option
          key={String(option.value)}
          value={String(index)}
          disabled={Array.isArray(enumDisabled) && enumDisabled.includes(option.value)}
        >
          {option.label}
        </option>
      ))}
    </select>
  );
}
