import type { ErrorSchema, RJSFSchema, UiSchema, ValidatorType } from '@rjsf/utils';
import { useMemo, useRef } from 'react';
import type { FormSection, JsonSchema } from '../../../shared/definition/types.ts';
import { withFileFields } from './fileFieldUi.ts';
import type { GuichetFormContext } from './formContext.ts';
import { type PageError, toErrorSchema } from './pageErrors.ts';
import { pageGroups } from './pageGroups.ts';
import { SectionForm } from './SectionForm.tsx';
import { conditionFields, sectionSchema, sectionUiSchema } from './sectionSchema.ts';
import { type FormSource, withSourcedFields } from './sourceFieldUi.ts';
import { stableSlice } from './stableSlice.ts';

export interface PageFormProps {
  form: {
    schema: JsonSchema;
    uiSchema: UiSchema | null;
    sections: FormSection[] | null;
    /** Computed field names: shown read-only, their value is calculated. */
    computed: ReadonlySet<string>;
    /** The data sources the fields name (`x-source`): static options, or searched. */
    sources?: readonly FormSource[];
  };
  /** The fields of the step shown, in order. */
  fields: readonly string[];
  /** All the answers (computed values included). */
  data: Readonly<Record<string, unknown>>;
  /** The problems to show beside their fields. */
  errors: readonly PageError[];
  validator: ValidatorType;
  context: GuichetFormContext;
  /** Changed answers, by top-level field (`undefined`: cleared). */
  onChange(changes: Record<string, unknown>): void;
  /** A top-level field lost focus (validation on blur). */
  onBlurField(field: string): void;
  readonly?: boolean;
}

/**
 * One step of a démarche's form: its fields split into groups (the definition's
 * sections), each its own small RJSF form (SectionForm), so typing in one re-renders
 * that one only and only the current step is ever rendered. Each group gets its own
 * answers plus those its conditions read, and its errors.
 *
 * @example
 * <PageForm form={form} fields={page.fields} data={answers} errors={errors} … />
 */
export function PageForm(props: PageFormProps) {
  const { form, fields } = props;
  const latest = useRef(props);
  latest.current = props;
  const groups = useMemo(() => {
    const readByConditions = conditionFields(form.schema);
    return pageGroups(fields, form.sections).map((group) => {
      const schema = sectionSchema(form.schema, group.fields) as RJSFSchema;
      if (group.title) schema.title = group.title;
      return {
        ...group,
        schema,
        uiSchema: withSourcedFields(
          schema,
          withFileFields(schema, sectionUiSchema(form.uiSchema, group.fields, form.computed)),
          form.sources ?? [],
        ),
        keys: [...new Set([...group.fields, ...readByConditions])],
        onChange: (answers: Record<string, unknown>) => {
          const changes: Record<string, unknown> = {};
          for (const field of group.fields) {
            if (!Object.is(answers[field], latest.current.data[field]))
              changes[field] = answers[field];
          }
          if (Object.keys(changes).length > 0) latest.current.onChange(changes);
        },
        onBlur: (inputId: string) => {
          const field = group.fields.find(
            (name) => inputId === `root_${name}` || inputId.startsWith(`root_${name}_`),
          );
          if (field) latest.current.onBlurField(field);
        },
      };
    });
  }, [form, fields]);

  const slices = useRef(new Map<string, Record<string, unknown>>());
  const errorTrees = useRef(new Map<string, { key: string; tree: ErrorSchema | undefined }>());

  return (
    <>
      {groups.map((group) => {
        const formData = stableSlice(slices.current.get(group.id), props.data, group.keys);
        slices.current.set(group.id, formData);
        const own = props.errors.filter((error) => group.fields.includes(String(error.path[0])));
        const key = JSON.stringify(own);
        let errors = errorTrees.current.get(group.id);
        if (errors?.key !== key) {
          errors = { key, tree: own.length > 0 ? toErrorSchema(own) : undefined };
          errorTrees.current.set(group.id, errors);
        }
        return (
          <SectionForm
            key={group.id}
            schema={group.schema}
            uiSchema={group.uiSchema}
            formData={formData}
            extraErrors={errors.tree}
            validator={props.validator}
            context={props.context}
            onChange={group.onChange}
            onBlur={group.onBlur}
            readonly={props.readonly ?? false}
          />
        );
      })}
    </>
  );
}
