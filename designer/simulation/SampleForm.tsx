import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { useMemo } from 'react';
import type { GuichetFormContext } from '../../runtime/web/forms/index.ts';
import { precompiledValidator } from '../../runtime/web/forms/index.ts';
import { SectionForm } from '../../runtime/web/forms/SectionForm.tsx';

/** No validator compiled in the studio's page (its CSP forbids generated code): the
 * engine, in the simulation worker, checks the answers when an action needs them. */
const NO_VALIDATORS = precompiledValidator({});
const CONTEXT: GuichetFormContext = { dossierId: null, files: {}, rememberFile: () => {} };

/**
 * A form of the draft filled with sample answers, in the citizen app's own RJSF theme
 * (`runtime/web/forms`). Nothing is uploaded or sent: files cannot be attached here.
 */
export function SampleForm({
  schema,
  uiSchema,
  data,
  onChange,
}: {
  schema: unknown;
  uiSchema: unknown;
  data: Record<string, unknown>;
  onChange: (data: Record<string, unknown>) => void;
}) {
  const rjsfSchema = useMemo(() => (schema ?? { type: 'object' }) as RJSFSchema, [schema]);
  const rjsfUi = useMemo(() => (uiSchema ?? {}) as UiSchema, [uiSchema]);
  return (
    <SectionForm
      schema={rjsfSchema}
      uiSchema={rjsfUi}
      formData={data}
      extraErrors={undefined}
      validator={NO_VALIDATORS}
      context={CONTEXT}
      onChange={onChange}
      onBlur={() => {}}
    />
  );
}
