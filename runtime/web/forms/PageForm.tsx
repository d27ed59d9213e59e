import type { ErrorSchema, RJSFSchema, UiSchema, ValidatorType } from '@rjsf/utils';
import { useMemo, useRef } from 'react';
import type { FormSection, JsonSchema } from '../../../shared/definition/types.ts';
import { withFileFields } from './fileFieldUi.ts';
import type { GuichetFormContext } from './formContext.ts';
import { groupInputs, sameInputs } from './groupInputs.ts';
import { type PageError, toErrorSchema } from './pageErrors.ts';
import { type FieldGroup, pageGroups } from './pageGroups.ts';
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
  // A group is rebuilt only when what it is built from changed (`groupInputs`): a new
  // form for one edited field (the studio's preview) keeps every other group's schema,
  // UI schema and callbacks, so their memoised forms are not redrawn.
  const built = useRef(new Map<string, { inputs: unknown[]; group: PageGroup }>());
  const groups = useMemo(() => {
    const readByConditions = conditionFields(form.schema);
    const kept = new Map<string, { inputs: unknown[]; group: PageGroup }>();
    const next = pageGroups(fields, form.sections).map((group) => {
      const inputs = groupInputs(form, group, readByConditions);
      const previous = built.current.get(group.id);
      const entry =
        previous && sameInputs(previous.inputs, inputs)
          ? previous
          : { inputs, group: buildGroup(form, group, readByConditions, latest) };
      kept.set(group.id, entry);
      return entry.group;
    });
    built.current = kept;
    return next;
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

type PageGroup = ReturnType<typeof buildGroup>;

/** A group's schema, UI schema, answer keys and callbacks (they read the latest props). */
function buildGroup(
  form: PageFormProps['form'],
  group: FieldGroup,
  readByConditions: readonly string[],
  latest: { readonly current: PageFormProps },
) {
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
        if (!Object.is(answers[field], latest.current.data[field])) changes[field] = answers[field];
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
}
