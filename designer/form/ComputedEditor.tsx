import { useId } from 'react';
import type { DemarcheDefinition } from '../../shared/definition/index.ts';
import { type DraftDispatch, orderedFieldNames, propertiesOf } from '../editing/index.ts';
import { fieldsSummed, sumExpression } from './sumExpression.ts';

/**
 * A computed value as the sum of chosen number fields, in plain words. Other
 * expressions (json-logic) are written in the JSON tab and shown here as such.
 */
export function ComputedEditor({
  definition,
  dispatch,
  name,
}: {
  definition: DemarcheDefinition;
  dispatch: DraftDispatch;
  name: string;
}) {
  const id = useId();
  const expression = definition.computed?.find((entry) => entry.field === name)?.expression;
  const summed = fieldsSummed(expression);
  const properties = propertiesOf(definition);
  const numbers = orderedFieldNames(definition).filter((other) => {
    const schema = properties[other] as { type?: unknown; readOnly?: unknown } | undefined;
    return (
      other !== name &&
      (schema?.type === 'number' || schema?.type === 'integer') &&
      schema.readOnly !== true
    );
  });
  if (expression !== undefined && summed === null) {
    return <p className="aide">Ce calcul a été écrit dans l’onglet JSON ; modifiez-le là-bas.</p>;
  }
  const chosen = summed ?? [];
  return (
    <fieldset className="champ">
      <legend>Calcul : somme de</legend>
      {numbers.length === 0 ? (
        <p className="aide">Ajoutez d’abord des champs Nombre ou Montant.</p>
      ) : null}
      {numbers.map((other) => {
        const title = (properties[other] as { title?: unknown }).title;
        return (
          <div className="choix" key={other}>
            <input
              type="checkbox"
              id={`${id}-${other}`}
              checked={chosen.includes(other)}
              onChange={(event) => {
                const next = event.target.checked
                  ? [...chosen, other]
                  : chosen.filter((field) => field !== other);
                dispatch({
                  type: 'setComputed',
                  field: name,
                  expression: next.length === 0 ? null : sumExpression(next),
                });
              }}
            />
            <label htmlFor={`${id}-${other}`}>{typeof title === 'string' ? title : other}</label>
          </div>
        );
      })}
    </fieldset>
  );
}
