import { enumOptionsIsSelected, type WidgetProps } from '@rjsf/utils';
import { describedBy, invalid } from '../describedBy.ts';

/** One radio per choice, each with its label; FieldTemplate draws the fieldset and legend. */
export function RadioWidget(props: WidgetProps) {
  const { id, value, disabled, readonly, onChange, onBlur, onFocus, options } = props;
  const { schema, uiSchema, rawErrors, required } = props;
  const { enumOptions = [], enumDisabled } = options;
  const description = describedBy(id, { schema, uiSchema, rawErrors });
  return (
    <div className="choix" id={id}>
      {enumOptions.map((option, index) => {
        const optionId = `${id}-${index}`;
        return (
          <div key={String(option.value)} className="choix-option">
            <input
              type="radio"
              id={optionId}
              name={props.htmlName || id}
              checked={enumOptionsIsSelected(option.value, value)}
              disabled={
                disabled ||
                readonly ||
                (Array.isArray(enumDisabled) && enumDisabled.includes(option.value))
              }
              required={required}
              aria-invalid={invalid(rawErrors)}
              aria-describedby={description}
              onChange={() => onChange(option.value)}
              onBlur={() => onBlur(id, value)}
              onFocus={() => onFocus(id, value)}
            />
            <label htmlFor={optionId}>{option.label}</label>
          </div>
        );
      })}
    </div>
  );
}
