import { useCallback, useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import {
  type DossierFormView,
  ErrorSummary,
  PageForm,
  useDossierFormParts,
  useStepErrors,
  type ValidatorMap,
} from '../../forms/index.ts';
import type { BenchForm } from '../benchForm.ts';
import { finishTiming } from './renderTiming.ts';

/**
 * The front office's form step as `FillPage`'s `Steps` runs it, minus the server: the
 * answers in state, the same parts (`useDossierFormParts`: computed values, validators,
 * context), the whole answers validated by the precompiled root validator at every
 * render, the error summary, then `PageForm` (one memoised RJSF form per section, our
 * theme, text inputs that commit after a pause).
 */
function CitizenBenchForm({
  form,
  validators,
  onRendered,
}: {
  form: BenchForm;
  validators: ValidatorMap;
  onRendered(): void;
}) {
  const [answers, setAnswers] = useState<Record<string, unknown>>(form.data);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const view = useMemo<DossierFormView>(
    () => ({
      schema: form.schema,
      uiSchema: form.uiSchema,
      pages: null,
      sections: form.sections,
      computed: [],
      sources: [],
    }),
    [form],
  );
  const parts = useDossierFormParts({
    dossierId: null,
    form: view,
    answers,
    attachments: NO_FILES,
    validators,
  });
  const { data } = parts;
  const errors = useStepErrors(parts.validateRoot, data, form.fields, { attempt: 0, touched });
  const onChange = useCallback(
    (changes: Record<string, unknown>) => setAnswers((known) => ({ ...known, ...changes })),
    [],
  );
  const onBlurField = useCallback(
    (field: string) => setTouched((known) => new Set([...known, field])),
    [],
  );
  useEffect(onRendered, [onRendered]);
  return (
    <form className="etape" noValidate aria-label="Formulaire de test">
      <ErrorSummary schema={form.schema} errors={errors} focusKey={0} />
      <PageForm
        form={parts.form}
        fields={form.fields}
        data={data}
        errors={errors}
        validator={parts.validator}
        context={parts.context}
        onChange={onChange}
        onBlurField={onBlurField}
      />
    </form>
  );
}

const NO_FILES: never[] = [];

export function renderCitizen(
  container: HTMLElement,
  form: BenchForm,
  validators: ValidatorMap,
): void {
  const startedAt = performance.now();
  createRoot(container).render(
    <CitizenBenchForm
      form={form}
      validators={validators}
      onRendered={() => void finishTiming(startedAt)}
    />,
  );
}
