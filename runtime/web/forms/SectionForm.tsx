import Form, { type IChangeEvent } from '@rjsf/core';
import type { ErrorSchema, RJSFSchema, UiSchema, ValidatorType } from '@rjsf/utils';
import { Fragment, memo } from 'react';
import { FILE_FIELD_KEYWORD } from '../../../shared/form/fileFieldKeyword.ts';
import type { GuichetFormContext } from './formContext.ts';
import { formTheme } from './formTheme.ts';
import { frenchStrings } from './frenchStrings.ts';

export interface SectionFormProps {
  schema: RJSFSchema;
  uiSchema: UiSchema;
  formData: Record<string, unknown>;
  extraErrors: ErrorSchema | undefined;
  validator: ValidatorType;
  context: GuichetFormContext;
  /** The group's answers after a change (only its fields count). */
  onChange(data: Record<string, unknown>): void;
  /** A field lost focus: `root_nom`. */
  onBlur(inputId: string): void;
  readonly?: boolean;
}

/**
 * RJSF fills an array with `minItems` blank entries by default: a blank repeated group to
 * fill in is welcome, a blank "file" in a required file field is not — it was saved as
 * an attachment id that does not exist and the step could not be left.
 */
const DEFAULTS = {
  arrayMinItems: {
    computeSkipPopulate: (_validator: unknown, schema: RJSFSchema) =>
      schema[FILE_FIELD_KEYWORD] !== undefined,
  },
};

/**
 * One RJSF form for one group of fields. Memoised: a change in another group, or a
 * keystroke inside a text input (kept by the input until it commits), does not re-render
 * it. Rendered as a `div` inside the step's one `<form>`; validation is the step's
 * (`noValidate`, errors come in as `extraErrors`), so RJSF neither validates on every
 * change nor shows its own list.
 */
export const SectionForm = memo(function SectionForm(props: SectionFormProps) {
  return (
    <Form
      tagName="div"
      schema={props.schema}
      uiSchema={props.uiSchema}
      formData={props.formData}
      validator={props.validator}
      templates={formTheme.templates}
      widgets={formTheme.widgets}
      fields={formTheme.fields}
      formContext={props.context}
      translateString={frenchStrings}
      {...(props.extraErrors ? { extraErrors: props.extraErrors } : {})}
      experimental_defaultFormStateBehavior={DEFAULTS}
      noValidate
      showErrorList={false}
      readonly={props.readonly ?? false}
      onChange={(event: IChangeEvent) => props.onChange(event.formData ?? {})}
      onBlur={(id: string) => props.onBlur(id)}
    >
      <Fragment />
    </Form>
  );
});
