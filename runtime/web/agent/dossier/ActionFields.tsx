import { useId } from 'react';
import type { JsonSchema } from '../../../../shared/definition/types.ts';

type Schema = Record<string, unknown>;

interface ActionFieldsProps {
  schema: JsonSchema;
  values: Record<string, unknown>;
  errors: Record<string, string[]>;
  change: (name: string, value: unknown) => void;
}

/**
 * The small form an action asks for (a refusal's reason, a decision date…), from its
 * JSON Schema: text (a text area past 200 characters or with `ui:widget: textarea`),
 * numbers, dates, yes/no and choices. Each field has its label and its server-side
 * errors beside it (`aria-describedby`), so a refused input is fixed in place.
 */
export function ActionFields({ schema, values, errors, change }: ActionFieldsProps) {
  const base = useId();
  const root = isRecord(schema) ? schema : {};
  const properties = isRecord(root.properties) ? root.properties : {};
  const required = new Set(Array.isArray(root.required) ? root.required : []);
  return (
    <>
      {Object.entries(properties).map(([name, field]) => {
        if (!isRecord(field)) return null;
        const id = `${base}-${name}`;
        const label = typeof field.title === 'string' ? field.title : name;
        const messages = errors[`/${name}`] ?? [];
        const described = messages.length > 0 ? `${id}-erreur` : undefined;
        const common = {
          id,
          required: required.has(name),
          'aria-invalid': messages.length > 0 ? true : undefined,
          'aria-describedby': described,
        };
        const value = values[name];
        return (
          <div className="champ" key={name}>
            {field.type === 'boolean' ? (
              <label htmlFor={id} className="case">
                <input
                  {...common}
                  type="checkbox"
                  checked={value === true}
                  onChange={(event) => change(name, event.target.checked)}
                />{' '}
                {label}
              </label>
            ) : (
              <>
                <label htmlFor={id}>
                  {label}
                  {required.has(name) ? ' (obligatoire)' : ''}
                </label>
                {input(field, common, value, (next) => change(name, next))}
              </>
            )}
            {typeof field.description === 'string' ? (
              <p className="aide">{field.description}</p>
            ) : null}
            {described ? (
              <p className="erreur" id={described}>
                {messages.join(' ')}
              </p>
            ) : null}
          </div>
        );
      })}
    </>
  );
}

function input(
  field: Schema,
  common: Record<string, unknown>,
  value: unknown,
  change: (value: unknown) => void,
) {
  const choices = choicesOf(field);
  if (choices.length > 0) {
    return (
      <select
        {...common}
        value={typeof value === 'string' ? value : ''}
        onChange={(e) => change(e.target.value || undefined)}
      >
        <option value="">Choisir…</option>
        {choices.map(([key, title]) => (
          <option key={key} value={key}>
            {title}
          </option>
        ))}
      </select>
    );
  }
  if (field.type === 'number' || field.type === 'integer') {
    return (
      <input
        {...common}
        type="number"
        value={typeof value === 'number' ? value : ''}
        onChange={(e) => change(e.target.value === '' ? undefined : Number(e.target.value))}
      />
    );
  }
  const text = typeof value === 'string' ? value : '';
  const onText = (e: { target: { value: string } }) =>
    change(e.target.value === '' ? undefined : e.target.value);
  if (field.format === 'date')
    return <input {...common} type="date" value={text} onChange={onText} />;
  const long =
    field['ui:widget'] === 'textarea' ||
    typeof field.maxLength !== 'number' ||
    field.maxLength > 200;
  return long ? (
    <textarea {...common} rows={4} value={text} onChange={onText} />
  ) : (
    <input {...common} value={text} onChange={onText} />
  );
}

function choicesOf(field: Schema): Array<[string, string]> {
  if (Array.isArray(field.enum)) return field.enum.map((v) => [String(v), String(v)]);
  if (Array.isArray(field.oneOf)) {
    return field.oneOf
      .filter(isRecord)
      .map((o) => [String(o.const), typeof o.title === 'string' ? o.title : String(o.const)]);
  }
  return [];
}

function isRecord(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
