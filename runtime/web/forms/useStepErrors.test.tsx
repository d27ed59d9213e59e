import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ValidateFunction } from './pageErrors.ts';
import { useStepErrors } from './useStepErrors.ts';

/** Requires `nom` and `prenom`, and counts its runs. */
function requiringNames(): ValidateFunction & { runs: number } {
  const validate = ((data: Record<string, unknown>) => {
    validate.runs += 1;
    validate.errors = ['nom', 'prenom', 'ville']
      .filter((field) => !data[field])
      .map((field) => ({
        keyword: 'required',
        instancePath: '',
        schemaPath: '#/required',
        params: { missingProperty: field },
      }));
    return validate.errors.length === 0;
  }) as ValidateFunction & { runs: number };
  validate.runs = 0;
  return validate;
}

/** The errors the hook returns for one render, as field names. */
function shownFor(
  validate: ValidateFunction,
  state: { attempt: number; touched: ReadonlySet<string> },
): string[] {
  let shown: string[] = [];
  function Probe() {
    shown = useStepErrors(validate, {}, ['nom', 'prenom'], state).map((error) =>
      String(error.path[0]),
    );
    return null;
  }
  renderToStaticMarkup(<Probe />);
  return shown;
}

describe('the errors a step shows', () => {
  it('validates nothing before a field is left or the step is sent', () => {
    const validate = requiringNames();
    expect(shownFor(validate, { attempt: 0, touched: new Set() })).toEqual([]);
    expect(validate.runs).toBe(0);
  });

  it('shows the errors of the fields left, then all of the step’s once it is sent', () => {
    const validate = requiringNames();
    expect(shownFor(validate, { attempt: 0, touched: new Set(['prenom']) })).toEqual(['prenom']);
    // Another step's field (`ville`) is validated but never shown here.
    expect(shownFor(validate, { attempt: 1, touched: new Set() })).toEqual(['nom', 'prenom']);
    expect(validate.runs).toBe(2);
  });
});
