import Form from '@rjsf/core';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import { useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import type { BenchForm } from '../benchForm.ts';
import { finishTiming } from './renderTiming.ts';

/**
 * Stock @rjsf/core 6 as its documentation shows it: the default theme, the ajv8
 * validator (compiling in the page), one `Form` for the whole schema, uncontrolled.
 * `ui:order` puts each condition's fields back in their section.
 */
function StockRjsfForm({ form, onRendered }: { form: BenchForm; onRendered(): void }) {
  useEffect(onRendered, [onRendered]);
  return (
    <Form
      schema={form.schema as RJSFSchema}
      uiSchema={{ ...(form.uiSchema as UiSchema), 'ui:order': [...form.fields, '*'] }}
      formData={form.data}
      validator={validator}
    />
  );
}

export function renderStockRjsf(container: HTMLElement, form: BenchForm): void {
  const startedAt = performance.now();
  createRoot(container).render(
    <StockRjsfForm form={form} onRendered={() => void finishTiming(startedAt)} />,
  );
}
