import { useMemo } from 'react';
import { type PageError, pageErrors, type ValidateFunction } from './pageErrors.ts';

/**
 * The errors a step shows beside its fields and in its summary: after an attempt to
 * leave the step, all of the step's; before, only those of the fields the person has
 * left (`touched`). With nothing to show nothing is validated, so a step's first render
 * runs no validation and writes no message: at 900 fields that was ~60 ms of the
 * render, most of it the first message's number formatter loading the locale's data.
 *
 * @example
 * const shown = useStepErrors(validateRoot, data, page.fields, { attempt, touched });
 */
export function useStepErrors(
  validateRoot: ValidateFunction | undefined,
  data: Record<string, unknown>,
  fields: readonly string[],
  state: { attempt: number; touched: ReadonlySet<string> },
): PageError[] {
  const { attempt, touched } = state;
  const checking = attempt > 0 || touched.size > 0;
  // Once per change of the answers, not at every render (the save status re-renders too).
  const errors = useMemo(
    () => (checking && validateRoot ? pageErrors(validateRoot, data, fields) : NONE),
    [checking, validateRoot, data, fields],
  );
  return useMemo(
    () => (attempt > 0 ? errors : errors.filter((error) => touched.has(String(error.path[0])))),
    [errors, attempt, touched],
  );
}

const NONE: PageError[] = [];
