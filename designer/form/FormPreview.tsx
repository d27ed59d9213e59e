import { useDeferredValue, useId, useState } from 'react';
import type { DemarcheDefinition } from '../../shared/definition/index.ts';
import { CitizenForm } from './CitizenForm.tsx';
import { ThemedFrame } from './ThemedFrame.tsx';

type Width = 'ordinateur' | 'telephone';

/**
 * What the citizen will see, at a desktop or a phone width: the citizen app's own form
 * (`CitizenForm`, its RJSF theme) in the collectivité's theme (`ThemedFrame`). The
 * preview can be filled in; nothing is sent.
 */
export function FormPreview({ definition }: { definition: DemarcheDefinition }) {
  const id = useId();
  const [width, setWidth] = useState<Width>('ordinateur');
  const [answers, setAnswers] = useState<Record<string, unknown>>({});
  // Deferred: typing in the builder stays fluid while the preview re-renders behind.
  const deferred = useDeferredValue(definition);
  return (
    <section className="apercu" aria-labelledby={`${id}-titre`}>
      <h3 id={`${id}-titre`}>Aperçu</h3>
      <fieldset className="choix-largeur">
        <legend>Largeur d’écran</legend>
        {(['ordinateur', 'telephone'] as const).map((option) => (
          <span className="choix" key={option}>
            <input
              type="radio"
              name={`${id}-largeur`}
              id={`${id}-${option}`}
              checked={width === option}
              onChange={() => setWidth(option)}
            />
            <label htmlFor={`${id}-${option}`}>
              {option === 'ordinateur' ? 'Ordinateur' : 'Téléphone'}
            </label>
          </span>
        ))}
      </fieldset>
      <ThemedFrame width={width} title={definition.meta.title}>
        <CitizenForm definition={deferred} data={answers} onChange={setAnswers} />
      </ThemedFrame>
    </section>
  );
}
