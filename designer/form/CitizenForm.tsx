import type { UiSchema } from '@rjsf/utils';
import { useMemo, useRef, useState } from 'react';
import { type GuichetFormContext, PageForm } from '../../runtime/web/forms/index.ts';
import type { DemarcheDefinition } from '../../shared/definition/index.ts';
import { computedFieldNames } from '../../shared/expressions/index.ts';
import { previewFields } from '../simulation/previewFields.ts';
import { usePreviewPages } from '../simulation/usePreviewPages.ts';
import { interpretingValidator } from './interpretingValidator.ts';

/**
 * The draft's form as the citizen app renders it — its own RJSF theme and page form
 * (`runtime/web/forms`), sections as groups — every field on one page, except those of
 * pages the form's conditions hide for the answers typed so far (as the citizen app skips
 * them). The schema's own conditions (`if`/`then`) open as in the citizen app, read by
 * `interpretingValidator` since nothing may be compiled in the studio's page; the pages'
 * conditions are decided in the simulation worker (`usePreviewPages`). A file chosen for
 * a file field passes the field's own checks and stays in the page: nothing is uploaded
 * from the studio.
 */
export function CitizenForm({
  definition,
  data,
  onChange,
}: {
  definition: DemarcheDefinition;
  data: Record<string, unknown>;
  onChange: (data: Record<string, unknown>) => void;
}) {
  const form = useMemo(
    () => ({
      schema: definition.form.schema,
      uiSchema: (definition.form.uiSchema ?? null) as UiSchema | null,
      sections: definition.form.sections ?? null,
      computed: computedFieldNames(definition),
    }),
    [definition],
  );
  // One validator for the form's life, reading the schema of the moment: an edit does
  // not hand every section a new validator.
  const schema = useRef(definition.form.schema);
  schema.current = definition.form.schema;
  const [validator] = useState(() => interpretingValidator(() => schema.current));
  const { hiddenFields } = usePreviewPages(definition.form.pages, data);
  const [files, setFiles] = useState<GuichetFormContext['files']>({});
  const context = useMemo<GuichetFormContext>(
    () => ({
      dossierId: null,
      files,
      rememberFile: (file) => setFiles((known) => ({ ...known, [file.id]: file })),
      // Checked by the field (type, size) like an upload, then kept here: nothing is sent.
      keepInPreview: (file) => ({
        id: crypto.randomUUID(),
        fileName: file.name,
        mediaType: file.type,
        sizeBytes: file.size,
        scanStatus: 'preview',
      }),
    }),
    [files],
  );
  const fields = useMemo(
    () => previewFields(definition, new Set(hiddenFields)),
    [definition, hiddenFields],
  );
  return (
    <PageForm
      form={form}
      fields={fields}
      data={data}
      errors={[]}
      validator={validator}
      context={context}
      onChange={(changes) => onChange({ ...data, ...changes })}
      onBlurField={() => {}}
    />
  );
}
