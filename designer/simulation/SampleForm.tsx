import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { useMemo } from 'react';
import type { GuichetFormContext } from '../../runtime/web/forms/index.ts';
import { SectionForm } from '../../runtime/web/forms/SectionForm.tsx';
import { interpretingValidator } from '../form/interpretingValidator.ts';

/** Conditions read, not compiled (the studio's CSP forbids generated code); the engine, in
 * the simulation worker, checks the answers when an action needs them. */
const VALIDATOR = interpretingValidator();
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
      validator={VALIDATOR}
      context={CONTEXT}
      onChange={onChange}
      onBlur={() => {}}
    />
  );
}
