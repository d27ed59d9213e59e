import type {
  ComputedField,
  DemarcheDefinition,
  FormDefinition,
  FormPage,
  JsonSchema,
} from '../../shared/definition/index.ts';
import type { FieldSpec, FormChange } from './draftChange.ts';
import {
  formOutline,
  type OutlineItem,
  propertiesOf,
  sectionsOf,
  withOutline,
} from './formOutline.ts';
import {
  pagedBySections,
  withPageCondition,
  withPagesFromSections,
  withStepwise,
} from './formPages.ts';
import { mergePatch } from './mergePatch.ts';

/**
 * Applies one form change (see `DraftChange`); the definition comes back identical when
 * the change names nothing that exists or would clash with what does.
 */
export function applyFormChange(
  definition: DemarcheDefinition,
  change: FormChange,
): DemarcheDefinition {
  const next = applyOne(definition, change);
  if (next === definition || change.type === 'setStepwise') return next;
  // Steps built from sections follow every addition, move or removal in the form.
  return pagedBySections(definition) ? withPagesFromSections(next) : next;
}

function applyOne(definition: DemarcheDefinition, change: FormChange): DemarcheDefinition {
  switch (change.type) {
    case 'addField':
      return addField(definition, change.field, change.index);
    case 'updateField':
      return updateField(definition, change);
    case 'moveItem':
      return moveItem(definition, change.from, change.to);
    case 'removeField':
      return removeField(definition, change.name);
    case 'addSection': {
      if (sectionsOf(definition).some((section) => section.id === change.section.id))
        return definition;
      const sections = [...sectionsOf(definition), { ...change.section, fields: [] }];
      const added = { ...definition, form: { ...definition.form, sections } };
      const outline = formOutline(definition);
      return withOutline(
        added,
        insertAt(outline, { kind: 'section', id: change.section.id }, change.index),
      );
    }
    case 'updateSection': {
      const sections = sectionsOf(definition);
      const index = sections.findIndex((section) => section.id === change.id);
      if (index < 0) return definition;
      const { type: _type, id: _id, ...patch } = change;
      const next = sections.map((section, at) =>
        at === index ? mergePatch(section, patch) : section,
      );
      return { ...definition, form: { ...definition.form, sections: next } };
    }
    case 'removeSection': {
      if (!sectionsOf(definition).some((section) => section.id === change.id)) return definition;
      const outline = formOutline(definition).filter(
        (item) => !(item.kind === 'section' && item.id === change.id),
      );
      const sections = sectionsOf(definition).filter((section) => section.id !== change.id);
      return withOutline({ ...definition, form: { ...definition.form, sections } }, outline);
    }
    case 'setComputed':
      return setComputed(definition, change.field, change.expression);
    case 'setStepwise':
      return withStepwise(definition, change.stepwise);
    case 'setPageCondition':
      return withPageCondition(definition, change.id, change.condition);
    case 'setRules': {
      const { rules: _previous, ...form } = definition.form;
      return {
        ...definition,
        form: change.rules.length === 0 ? form : { ...form, rules: change.rules },
      };
    }
  }
}

function addField(
  definition: DemarcheDefinition,
  field: FieldSpec,
  index?: number,
): DemarcheDefinition {
  const properties = propertiesOf(definition);
  if (field.name === '' || Object.hasOwn(properties, field.name)) return definition;
  let form: FormDefinition = withSchema(definition.form, {
    properties: { ...properties, [field.name]: field.schema },
    ...(field.required ? { required: [...requiredOf(definition.form), field.name] } : {}),
  });
  if (field.ui !== undefined)
    form = { ...form, uiSchema: { ...(form.uiSchema ?? {}), [field.name]: field.ui } };
  const outline = formOutline(definition);
  return withOutline(
    { ...definition, form },
    insertAt(outline, { kind: 'field', name: field.name }, index),
  );
}

function updateField(
  definition: DemarcheDefinition,
  change: Extract<FormChange, { type: 'updateField' }>,
): DemarcheDefinition {
  const properties = propertiesOf(definition);
  if (!Object.hasOwn(properties, change.name)) return definition;
  let form = definition.form;
  if (change.schema !== undefined) {
    form = withSchema(form, { properties: { ...properties, [change.name]: change.schema } });
  }
  if (change.ui !== undefined) {
    form = { ...form, uiSchema: { ...(form.uiSchema ?? {}), [change.name]: change.ui } };
  }
  if (change.required !== undefined) {
    const others = requiredOf(form).filter((name) => name !== change.name);
    form = withSchema(form, { required: change.required ? [...others, change.name] : others });
  }
  const updated = form === definition.form ? definition : { ...definition, form };
  if (change.rename === undefined || change.rename === change.name) return updated;
  if (change.rename === '' || Object.hasOwn(properties, change.rename)) return definition;
  return renameField(updated, change.name, change.rename);
}

function moveItem(definition: DemarcheDefinition, from: number, to: number): DemarcheDefinition {
  const outline = formOutline(definition);
  const item = outline[from];
  if (item === undefined || from === to || to < 0 || to >= outline.length) return definition;
  const rest = outline.filter((_, index) => index !== from);
  rest.splice(to, 0, item);
  return withOutline(definition, rest);
}

function removeField(definition: DemarcheDefinition, name: string): DemarcheDefinition {
  const properties = propertiesOf(definition);
  if (!Object.hasOwn(properties, name)) return definition;
  const { [name]: _removed, ...kept } = properties;
  const outline = formOutline(definition).filter(
    (item) => !(item.kind === 'field' && item.name === name),
  );
  let form = withSchema(definition.form, { properties: kept });
  if (requiredOf(form).includes(name)) {
    form = withSchema(form, { required: requiredOf(form).filter((other) => other !== name) });
  }
  if (form.uiSchema && Object.hasOwn(form.uiSchema, name)) {
    const { [name]: _ui, ...uiSchema } = form.uiSchema;
    form = { ...form, uiSchema };
  }
  if (Array.isArray(form.pages)) {
    form = { ...form, pages: form.pages.map((page) => withoutPageField(page, name)) };
  }
  const next = withOutline({ ...definition, form }, outline);
  return withComputed(
    next,
    computedOf(next).filter((entry) => entry.field !== name),
  );
}

/** Follows a new property name through everything of the form that names fields. */
function renameField(definition: DemarcheDefinition, from: string, to: string): DemarcheDefinition {
  const rename = (name: string) => (name === from ? to : name);
  const properties = Object.fromEntries(
    Object.entries(propertiesOf(definition)).map(([name, schema]) => [rename(name), schema]),
  );
  const outline = formOutline(definition).map((item) =>
    item.kind === 'field' ? { kind: 'field' as const, name: rename(item.name) } : item,
  );
  let form = withSchema(definition.form, { properties });
  if (requiredOf(form).includes(from))
    form = withSchema(form, { required: requiredOf(form).map(rename) });
  if (form.uiSchema && Object.hasOwn(form.uiSchema, from)) {
    const uiSchema = Object.fromEntries(
      Object.entries(form.uiSchema).map(([key, value]) => [rename(key), value]),
    );
    form = { ...form, uiSchema };
  }
  if (Array.isArray(form.pages)) {
    form = {
      ...form,
      pages: form.pages.map((page) =>
        Array.isArray(page.fields) && page.fields.includes(from)
          ? { ...page, fields: page.fields.map(rename) }
          : page,
      ),
    };
  }
  const sections = sectionsOf(definition).map((section) =>
    Array.isArray(section.fields) && section.fields.includes(from)
      ? { ...section, fields: section.fields.map(rename) }
      : section,
  );
  if (form.sections !== undefined) form = { ...form, sections };
  const next = withOutline({ ...definition, form }, outline);
  if (!computedOf(next).some((entry) => entry.field === from)) return next;
  return withComputed(
    next,
    computedOf(next).map((entry) => (entry.field === from ? { ...entry, field: to } : entry)),
  );
}

function setComputed(
  definition: DemarcheDefinition,
  field: string,
  expression: unknown,
): DemarcheDefinition {
  const computed = computedOf(definition);
  const index = computed.findIndex((entry) => entry.field === field);
  if (expression === null) {
    return index < 0
      ? definition
      : withComputed(
          definition,
          computed.filter((_, at) => at !== index),
        );
  }
  if (!Object.hasOwn(propertiesOf(definition), field)) return definition;
  if (index < 0) return withComputed(definition, [...computed, { field, expression }]);
  return withComputed(
    definition,
    computed.map((entry, at) => (at === index ? { ...entry, expression } : entry)),
  );
}

function insertAt(
  outline: OutlineItem[],
  item: OutlineItem,
  index: number | undefined,
): OutlineItem[] {
  const at = index === undefined ? outline.length : Math.max(0, Math.min(index, outline.length));
  return [...outline.slice(0, at), item, ...outline.slice(at)];
}

function withSchema(form: FormDefinition, patch: Record<string, unknown>): FormDefinition {
  const schema =
    typeof form.schema === 'object' && form.schema !== null ? form.schema : { type: 'object' };
  return { ...form, schema: { ...schema, ...patch } as JsonSchema };
}

function requiredOf(form: FormDefinition): string[] {
  const schema = form.schema;
  if (typeof schema !== 'object' || schema === null || !Array.isArray(schema['required']))
    return [];
  return (schema['required'] as unknown[]).filter(
    (name): name is string => typeof name === 'string',
  );
}

function withoutPageField(page: FormPage, name: string): FormPage {
  if (!Array.isArray(page.fields) || !page.fields.includes(name)) return page;
  return { ...page, fields: page.fields.filter((field) => field !== name) };
}

function computedOf(definition: DemarcheDefinition): ComputedField[] {
  return Array.isArray(definition.computed) ? definition.computed : [];
}

/** Sets `computed`, dropping the key when the list empties so an undo-free round trip stays clean. */
function withComputed(
  definition: DemarcheDefinition,
  computed: ComputedField[],
): DemarcheDefinition {
  if (computed.length > 0) return { ...definition, computed };
  if (definition.computed === undefined) return definition;
  const { computed: _dropped, ...rest } = definition;
  return rest as DemarcheDefinition;
}
