import { useId } from 'react';
import {
  DURATION_UNITS,
  type DurationUnit,
  isoOfSimpleDuration,
  simpleDurationOf,
} from '../simpleDuration.ts';
import { CommitTextField } from './CommitTextField.tsx';

export interface DurationFieldProps {
  legend: string;
  value: string | undefined;
  /** `undefined`: the admin emptied the amount, the duration goes. */
  onChange: (value: string | undefined) => void;
}

/**
 * A delay typed as an amount and a unit (« 15 jours »), written as ISO 8601. A composite
 * duration written in the JSON tab (`P1Y2M`) is shown and edited as text.
 */
export function DurationField({ legend, value, onChange }: DurationFieldProps) {
  const id = useId();
  const simple =
    value === undefined ? { amount: 0, unit: 'D' as DurationUnit } : simpleDurationOf(value);
  if (!simple)
    return (
      <CommitTextField
        label={`${legend} (durée ISO 8601)`}
        value={value ?? ''}
        onCommit={(text) => onChange(text === '' ? undefined : text)}
      />
    );
  return (
    <fieldset className="champ duree">
      <legend>{legend}</legend>
      <label htmlFor={`${id}-nombre`}>Nombre</label>
      <input
        id={`${id}-nombre`}
        type="number"
        min={0}
        step={1}
        inputMode="numeric"
        value={simple.amount === 0 ? '' : simple.amount}
        onChange={(event) =>
          onChange(isoOfSimpleDuration({ amount: Number(event.target.value), unit: simple.unit }))
        }
      />
      <label htmlFor={`${id}-unite`}>Unité</label>
      <select
        id={`${id}-unite`}
        value={simple.unit}
        onChange={(event) => {
          const unit = event.target.value as DurationUnit;
          if (simple.amount > 0) onChange(isoOfSimpleDuration({ amount: simple.amount, unit }));
        }}
      >
        {DURATION_UNITS.map(({ unit, label }) => (
          <option key={unit} value={unit}>
            {label}
          </option>
        ))}
      </select>
    </fieldset>
  );
}
