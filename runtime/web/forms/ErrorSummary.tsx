import { useEffect, useRef } from 'react';
import type { JsonSchema } from '../../../shared/definition/types.ts';
import { fieldLabel } from './fieldLabel.ts';
import { focusField } from './focusField.ts';
import type { PageError } from './pageErrors.ts';

/**
 * The list of a step's problems, on top of the step (role=alert, focused when shown after
 * « Continuer »), each a link that moves focus to its field.
 *
 * @example
 * <ErrorSummary schema={schema} errors={errors} focusKey={attempt} />
 */
export function ErrorSummary({
  schema,
  errors,
  focusKey,
}: {
  schema: JsonSchema;
  errors: readonly PageError[];
  /** Changes each time the citizen tries to leave the step: the summary takes focus. */
  focusKey: number;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusKey > 0) box.current?.focus();
  }, [focusKey]);
  if (errors.length === 0) return null;
  const count = errors.length;
  return (
    <div className="resume-erreurs" role="alert" tabIndex={-1} ref={box}>
      <h2>{count === 1 ? 'Une réponse est à corriger' : `${count} réponses sont à corriger`}</h2>
      <ul>
        {errors.map((error) => (
          <li key={`${error.inputId}:${error.message}`}>
            <a
              href={`#${error.inputId}`}
              onClick={(event) => {
                event.preventDefault();
                focusField(error.inputId);
              }}
            >
              {fieldLabel(schema, error.path)} : {error.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
