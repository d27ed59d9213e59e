import type { RJSFSchema } from '@rjsf/utils';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { DemarcheDefinition } from '../../../../shared/definition/types.ts';
import { computeValues, parisDate } from '../../../../shared/expressions/index.ts';
import {
  ErrorSummary,
  type GuichetFormContext,
  PageForm,
  pageErrors,
  precompiledValidator,
  rootValidator,
  type ValidatorMap,
} from '../../forms/index.ts';
import type { BenchForm } from '../benchForm.ts';
import { finishTiming } from './renderTiming.ts';

/**
 * The front office's form step as `FillPage`'s `Steps` runs it, minus the server: the
 * answers in state, computed values and the whole answers validated by the precompiled
 * root validator at every render, the error summary, then `PageForm` (one memoised RJSF
 * form per section, our theme, text inputs that commit after a pause).
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
  const pageForm = useMemo(
    () => ({
      schema: form.schema,
      uiSchema: form.uiSchema,
      sections: form.sections,
      computed: new Set<string>(),
      sources: [],
    }),
    [form],
  );
  const computing = useMemo(() => ({ computed: [] }) as unknown as DemarcheDefinition, []);
  const data = useMemo(
    () => computeValues(computing, answers, parisDate(new Date())),
    [computing, answers],
  );
  const validator = useMemo(() => precompiledValidator(validators), [validators]);
  const validateRoot = rootValidator(validators, form.schema as RJSFSchema);
  const clientErrors = useMemo(
    () => (validateRoot ? pageErrors(validateRoot, data, form.fields) : []),
    [validateRoot, data, form.fields],
  );
  const errors = clientErrors.filter((error) => touched.has(String(error.path[0])));
  const context = useMemo<GuichetFormContext>(
    () => ({ dossierId: null, files: {}, rememberFile: () => {} }),
    [],
  );
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
        form={pageForm}
        fields={form.fields}
        data={data}
        errors={errors}
        validator={validator}
        context={context}
        onChange={onChange}
        onBlurField={onBlurField}
      />
    </form>
  );
}

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
