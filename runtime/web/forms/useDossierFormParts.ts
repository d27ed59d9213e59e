import type { RJSFSchema } from '@rjsf/utils';
import { useMemo, useRef, useState } from 'react';
import type {
  ComputedField,
  DemarcheDefinition,
  FormPage,
  FormSection,
  JsonSchema,
  UiSchema,
} from '../../../shared/definition/types.ts';
import { computeValues, parisDate } from '../../../shared/expressions/index.ts';
import type { UploadedFile } from './fields/uploadAttachment.ts';
import type { GuichetFormContext, SafeChooser, SourceSearch } from './formContext.ts';
import { formSteps } from './formSteps.ts';
import type { PageFormProps } from './PageForm.tsx';
import { precompiledValidator, rootValidator, type ValidatorMap } from './precompiledValidator.ts';
import type { FormSource } from './sourceFieldUi.ts';

/** A dossier's form as the API sends it with the dossier (`dossiers.get`, `counter.get`). */
export interface DossierFormView {
  schema: JsonSchema;
  uiSchema: UiSchema | null;
  pages: FormPage[] | null;
  sections: FormSection[] | null;
  /** As serialised: the expression is read by `computeValues` only. */
  computed: ReadonlyArray<Pick<ComputedField, 'field'> & { expression?: unknown }>;
  sources: readonly FormSource[];
}

export interface DossierFormInput {
  /** Null where nothing is sent (a bench, a preview). */
  dossierId: string | null;
  form: DossierFormView;
  /** The answers as typed; computed values are added to them here. */
  answers: Record<string, unknown>;
  /** Files the dossier already has, so their names and scan status show. */
  attachments: readonly UploadedFile[];
  validators: ValidatorMap;
  sources?: SourceSearch | undefined;
  safe?: SafeChooser | undefined;
}

/**
 * What a page filling a dossier's form draws it with, for the citizen's steps and the
 * agent's counter alike: the steps, the form as `PageForm` takes it, the answers with
 * their computed values, the validators, and the fields' context (files attached while
 * the page is open are remembered). `latestData` is the data of the last render, for an
 * action that runs after a blur has let React apply the last answer.
 *
 * @example
 * const parts = useDossierFormParts({ dossierId: view.id, form: view.form, answers, attachments: view.attachments, validators, sources });
 * <PageForm form={parts.form} fields={parts.steps[0].fields} data={parts.data} validator={parts.validator} context={parts.context} … />
 */
export function useDossierFormParts(input: DossierFormInput) {
  const { dossierId, form: view, answers, validators, sources, safe } = input;
  const [files, setFiles] = useState<Record<string, UploadedFile>>(() =>
    Object.fromEntries(input.attachments.map((file) => [file.id, file])),
  );
  const steps = useMemo(
    () => formSteps(view.schema, view.uiSchema, view.pages),
    [view.schema, view.uiSchema, view.pages],
  );
  const form = useMemo<PageFormProps['form']>(
    () => ({
      schema: view.schema,
      uiSchema: view.uiSchema,
      sections: view.sections,
      computed: new Set(view.computed.map((computed) => computed.field)),
      sources: view.sources,
    }),
    [view.schema, view.uiSchema, view.sections, view.computed, view.sources],
  );
  // Without computed fields the answers are the data: no Paris date to build (the page's
  // first date formatter costs ~150 ms of main thread on a slow phone, at the first render).
  const data = useMemo(
    () =>
      view.computed.length > 0
        ? computeValues(
            { computed: view.computed } as unknown as DemarcheDefinition,
            answers,
            parisDate(new Date()),
          )
        : answers,
    [view.computed, answers],
  );
  const latestData = useRef(data);
  latestData.current = data;
  const validator = useMemo(() => precompiledValidator(validators), [validators]);
  const validateRoot = rootValidator(validators, view.schema as RJSFSchema);
  const context = useMemo<GuichetFormContext>(
    () => ({
      dossierId,
      files,
      rememberFile: (file) => setFiles((known) => ({ ...known, [file.id]: file })),
      safe,
      ...(sources ? { sources } : {}),
    }),
    [dossierId, files, safe, sources],
  );
  return { steps, form, data, latestData, validator, validateRoot, context, files };
}
