import { type RefObject, useRef, useState } from 'react';
import type { FormDefinition, FormPage } from '../../../../shared/definition/types.ts';
import { ErrorSummary, fieldLabel, type PageError, type UploadedFile } from '../../forms/index.ts';
import { fieldAnswerText } from './answerText.ts';

export interface ReviewStepProps {
  titleRef: RefObject<HTMLHeadingElement | null>;
  heading: string;
  /** The steps shown (hidden ones left out: their answers are dropped at submission). */
  steps: FormPage[];
  /** The form: its schema names the fields, its uiSchema the choices' labels. */
  form: FormDefinition;
  data: Readonly<Record<string, unknown>>;
  files: Readonly<Record<string, UploadedFile>>;
  /** The submit action's own label (« Déposer ma demande »). */
  actionLabel: string;
  onEdit(pageId: string): void;
  onBack(): void;
  /** Submits with this key; resolves to the problems when refused, else navigates. */
  onSubmit(idempotencyKey: string): Promise<PageError[]>;
}

/**
 * The last step: every answer of every shown step, each step with « Modifier », then the
 * submission. One idempotency key per visit of this step, so a retry after a lost answer
 * (network, double click) submits once.
 */
export function ReviewStep(props: ReviewStepProps) {
  const key = useRef(crypto.randomUUID());
  const [errors, setErrors] = useState<PageError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  return (
    <section className="etape" aria-labelledby="titre-etape">
      <h2 id="titre-etape" tabIndex={-1} ref={props.titleRef}>
        {props.heading}
      </h2>
      <ErrorSummary schema={props.form.schema} errors={errors} focusKey={attempt} />
      {props.steps.map((step) => (
        <section key={step.id} className="recapitulatif" aria-labelledby={`recap-${step.id}`}>
          <h3 id={`recap-${step.id}`}>{step.title}</h3>
          <dl>
            {step.fields.map((field) => (
              <div key={field}>
                <dt>{fieldLabel(props.form.schema, [field])}</dt>
                <dd>{fieldAnswerText(props.form, field, props.data[field], props.files)}</dd>
              </div>
            ))}
          </dl>
          <button type="button" className="bouton-lien" onClick={() => props.onEdit(step.id)}>
            Modifier « {step.title} »
          </button>
        </section>
      ))}
      <div className="actions">
        <button type="button" className="bouton-secondaire" onClick={props.onBack}>
          Étape précédente
        </button>
        <button
          type="button"
          className="bouton"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            const problems = await props.onSubmit(key.current);
            setBusy(false);
            setErrors(problems);
            setAttempt((count) => count + 1);
          }}
        >
          {props.actionLabel}
        </button>
      </div>
    </section>
  );
}
