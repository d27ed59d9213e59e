import { useId } from 'react';
import {
  type ConditionOperator,
  type ConditionRow,
  OPERATOR_LABELS,
  ORDER_OPERATORS,
} from '../conditions/conditionRow.ts';
import type { FormFieldChoice } from '../conditions/formFieldsOf.ts';

export interface ConditionBuilderProps {
  legend: string;
  /** `null`: the condition was written in the JSON tab in a way the builder cannot show. */
  rows: ConditionRow[] | null;
  fields: readonly FormFieldChoice[];
  onChange: (rows: ConditionRow[]) => void;
  /** What « no condition » means here; « toujours possible » for a transition. */
  whenEmpty?: string;
}

/**
 * « Le champ … est … à … » lines joined by « et », built with lists and inputs only: the
 * admin writes no schema and no expression.
 */
export function ConditionBuilder({
  legend,
  rows,
  fields,
  onChange,
  whenEmpty = 'Aucune condition : toujours possible.',
}: ConditionBuilderProps) {
  const id = useId();
  if (rows === null)
    return (
      <fieldset className="champ">
        <legend>{legend}</legend>
        <p>Condition avancée : elle se modifie dans l’onglet JSON.</p>
      </fieldset>
    );
  const first = fields[0];
  const replace = (index: number, row: ConditionRow) =>
    onChange(rows.map((current, at) => (at === index ? row : current)));
  return (
    <fieldset className="champ conditions">
      <legend>{legend}</legend>
      {rows.length === 0 && <p>{whenEmpty}</p>}
      {rows.map((row, index) => {
        const field = fields.find((candidate) => candidate.name === row.field);
        const prefix = `${id}-${index}`;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
          <fieldset className="condition" key={index}>
            <legend>Condition {index + 1}</legend>
            <label htmlFor={`${prefix}-champ`}>Champ</label>
            <select
              id={`${prefix}-champ`}
              value={row.field}
              onChange={(event) =>
                replace(index, { field: event.target.value, operator: 'filled' })
              }
            >
              {field ? null : <option value={row.field}>{row.field}</option>}
              {fields.map((candidate) => (
                <option key={candidate.name} value={candidate.name}>
                  {candidate.title}
                </option>
              ))}
            </select>
            <label htmlFor={`${prefix}-operateur`}>Comparaison</label>
            <select
              id={`${prefix}-operateur`}
              value={row.operator}
              onChange={(event) => {
                const operator = event.target.value as ConditionOperator;
                replace(index, withOperator(row, operator, field));
              }}
            >
              {operatorsFor(field).map((operator) => (
                <option key={operator} value={operator}>
                  {OPERATOR_LABELS[operator]}
                </option>
              ))}
            </select>
            {row.operator !== 'filled' && (
              <ValueInput
                id={`${prefix}-valeur`}
                row={row}
                field={field}
                onChange={(value) => replace(index, { ...row, value })}
              />
            )}
            <button type="button" onClick={() => onChange(rows.filter((_, at) => at !== index))}>
              Retirer la condition {index + 1}
            </button>
          </fieldset>
        );
      })}
      {first && (
        <button
          type="button"
          onClick={() => onChange([...rows, { field: first.name, operator: 'filled' }])}
        >
          Ajouter une condition
        </button>
      )}
      {!first && <p>Le formulaire n’a pas encore de champ à comparer.</p>}
    </fieldset>
  );
}

function operatorsFor(field: FormFieldChoice | undefined): ConditionOperator[] {
  const all = Object.keys(OPERATOR_LABELS) as ConditionOperator[];
  return field?.type === 'number'
    ? all
    : all.filter((operator) => !ORDER_OPERATORS.includes(operator));
}

/** The row with its new operator and a value of the field's type to start from. */
function withOperator(
  row: ConditionRow,
  operator: ConditionOperator,
  field: FormFieldChoice | undefined,
): ConditionRow {
  if (operator === 'filled') return { field: row.field, operator };
  const start =
    field?.type === 'number' ? 0 : field?.type === 'boolean' ? true : (field?.choices?.[0] ?? '');
  return { field: row.field, operator, value: row.value ?? start };
}

function ValueInput({
  id,
  row,
  field,
  onChange,
}: {
  id: string;
  row: ConditionRow;
  field: FormFieldChoice | undefined;
  onChange: (value: string | number | boolean) => void;
}) {
  const label = <label htmlFor={id}>Valeur</label>;
  if (field?.type === 'boolean')
    return (
      <>
        {label}
        <select
          id={id}
          value={String(row.value)}
          onChange={(event) => onChange(event.target.value === 'true')}
        >
          <option value="true">Oui</option>
          <option value="false">Non</option>
        </select>
      </>
    );
  if (field?.choices)
    return (
      <>
        {label}
        <select
          id={id}
          value={String(row.value)}
          onChange={(event) => {
            const choice = field.choices?.find((value) => String(value) === event.target.value);
            if (choice !== undefined) onChange(choice);
          }}
        >
          {field.choices.map((choice) => (
            <option key={String(choice)} value={String(choice)}>
              {String(choice)}
            </option>
          ))}
        </select>
      </>
    );
  const numeric = field?.type === 'number';
  return (
    <>
      {label}
      <input
        id={id}
        type={numeric ? 'number' : 'text'}
        value={String(row.value ?? '')}
        onChange={(event) => onChange(numeric ? Number(event.target.value) : event.target.value)}
      />
    </>
  );
}
