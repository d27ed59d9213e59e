import type { FormPage, JsonSchema, UiSchema } from '../../../../shared/definition/types.ts';
import { FILE_FIELD_KEYWORD } from '../../../../shared/form/fileFieldKeyword.ts';
import type { SourceLabels } from '../../../../shared/templating/choiceLabel.ts';

/** One line of a read-only dossier: a label and its answer, or a group's heading. */
export interface AnswerRow {
  /** Slash path in the data (`enfants/0/prenom`): a stable React key. */
  path: string;
  label: string;
  /** Nesting level, 0 at the top: groups and repeated items indent their rows. */
  depth: number;
  kind: 'value' | 'group' | 'files';
  /** The answer as text (« Oui », a choice's title, a French date), '' when empty. */
  text: string;
  /** Attachment ids of a file field. */
  files: string[];
}

export interface AnswerSection {
  /** A page's title; null when the form has no pages. */
  title: string | null;
  rows: AnswerRow[];
}

type Schema = Record<string, unknown>;

/**
 * The answers of a dossier laid out as the definition presents them: one section per
 * page (else one), fields in `ui:order` then declaration order, labels from `title`
 * (the field name when there is none), choices by their titles, booleans as Oui/Non,
 * dates in French. Fields absent from the data are listed with an empty answer so the
 * agent sees what was not given. Pure, so the agent app renders it and tests check it.
 *
 * @example
 * answerSections({ schema, uiSchema, pages: null }, { nom: 'Martin', aide: true });
 * // [{ title: null, rows: [{ label: 'Nom', text: 'Martin', … }, { label: 'Demande une aide', text: 'Oui', … }] }]
 */
export function answerSections(
  form: { schema: JsonSchema; uiSchema: UiSchema | null; pages: FormPage[] | null },
  data: Record<string, unknown>,
  sourceLabels: SourceLabels = {},
): AnswerSection[] {
  const schema = isRecord(form.schema) ? form.schema : {};
  const names = orderedNames(schema, form.uiSchema);
  const sectionOf = (title: string | null, fields: string[]): AnswerSection => {
    const rows: AnswerRow[] = [];
    for (const name of fields) {
      const child = propertyOf(schema, name);
      if (child) {
        const ui = childOf(form.uiSchema, name);
        visit(rows, sourceLabels, {
          name,
          path: name,
          schema: child,
          ui,
          value: data[name],
          depth: 0,
        });
      }
    }
    return { title, rows };
  };
  if (form.pages && form.pages.length > 0) {
    const onPages = new Set(form.pages.flatMap((page) => page.fields));
    const sections = form.pages.map((page) => sectionOf(page.title, page.fields));
    const rest = names.filter((name) => !onPages.has(name));
    if (rest.length > 0) sections.push(sectionOf('Autres informations', rest));
    return sections.filter((section) => section.rows.length > 0);
  }
  return [sectionOf(null, names)];
}

interface Visit {
  name: string;
  path: string;
  schema: Schema;
  /** The field's uiSchema node: `ui:enumNames` label an `enum`'s values. */
  ui: Schema | null;
  value: unknown;
  depth: number;
}

function visit(rows: AnswerRow[], labels: SourceLabels, at: Visit): void {
  const label = typeof at.schema.title === 'string' ? at.schema.title : at.name;
  const base = { path: at.path, label, depth: at.depth, text: '', files: [] as string[] };
  if (at.schema[FILE_FIELD_KEYWORD] !== undefined) {
    const ids = (Array.isArray(at.value) ? at.value : [at.value]).filter(
      (id): id is string => typeof id === 'string',
    );
    rows.push({
      ...base,
      kind: 'files',
      files: ids,
      text: ids.length === 0 ? '' : `${ids.length} fichier(s)`,
    });
    return;
  }
  if (at.schema.type === 'object' && isRecord(at.schema.properties)) {
    rows.push({ ...base, kind: 'group' });
    const value = isRecord(at.value) ? at.value : {};
    for (const name of orderedNames(at.schema, null)) {
      const child = propertyOf(at.schema, name);
      if (child)
        visit(rows, labels, {
          name,
          path: `${at.path}/${name}`,
          schema: child,
          ui: childOf(at.ui, name),
          value: value[name],
          depth: at.depth + 1,
        });
    }
    return;
  }
  const items = isRecord(at.schema.items) ? at.schema.items : null;
  if (at.schema.type === 'array' && items?.type === 'object' && Array.isArray(at.value)) {
    rows.push({ ...base, kind: 'group', text: at.value.length === 0 ? 'Aucun' : '' });
    at.value.forEach((item, index) => {
      visit(rows, labels, {
        name: `${label} n° ${index + 1}`,
        path: `${at.path}/${index}`,
        schema: { ...items, title: `${label} n° ${index + 1}` },
        ui: childOf(at.ui, 'items'),
        value: item,
        depth: at.depth + 1,
      });
    });
    return;
  }
  rows.push({ ...base, kind: 'value', text: textOf(at.schema, at.value, at.ui, labels) });
}

/** An answer as an agent reads it. */
export function textOf(
  schema: Schema,
  value: unknown,
  ui: Schema | null = null,
  labels: SourceLabels = {},
): string {
  if (value === undefined || value === null || value === '') return '';
  if (Array.isArray(value)) {
    const items = isRecord(schema.items) ? schema.items : {};
    // RJSF's checkboxes take the labels on the list field itself, not on its items.
    const itemUi = childOf(ui, 'items') ?? ui;
    return value.map((item) => textOf(items, item, itemUi, labels)).join(', ');
  }
  if (typeof value === 'boolean') return value ? 'Oui' : 'Non';
  const choice = sourcedLabel(schema, value, labels) ?? choiceTitle(schema, value, ui);
  if (choice !== null) return choice;
  if (typeof value === 'number') return value.toLocaleString('fr-FR');
  if (typeof value === 'string' && schema.format === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [year, month, day] = value.split('-');
    return `${day}/${month}/${year}`;
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A data source entry's label (`x-source`), as the server resolved it for this dossier. */
function sourcedLabel(schema: Schema, value: unknown, labels: SourceLabels): string | null {
  const source = schema['x-source'];
  if (typeof source !== 'string' || typeof value !== 'string') return null;
  const entries = labels[source];
  return entries !== undefined && Object.hasOwn(entries, value) ? (entries[value] ?? null) : null;
}

function choiceTitle(schema: Schema, value: unknown, ui: Schema | null): string | null {
  const options = Array.isArray(schema.oneOf)
    ? schema.oneOf
    : Array.isArray(schema.anyOf)
      ? schema.anyOf
      : [];
  for (const option of options) {
    if (isRecord(option) && option.const === value && typeof option.title === 'string')
      return option.title;
  }
  const names = ui?.['ui:enumNames'];
  const index = Array.isArray(schema.enum) ? schema.enum.indexOf(value) : -1;
  if (index >= 0 && Array.isArray(names) && typeof names[index] === 'string') return names[index];
  return null;
}

function childOf(node: unknown, key: string): Schema | null {
  if (!isRecord(node)) return null;
  const found = node[key];
  return isRecord(found) ? found : null;
}

function orderedNames(schema: Schema, uiSchema: UiSchema | null): string[] {
  const names = isRecord(schema.properties) ? Object.keys(schema.properties) : [];
  const order = Array.isArray(uiSchema?.['ui:order']) ? (uiSchema['ui:order'] as unknown[]) : [];
  const first = order.filter(
    (name): name is string => typeof name === 'string' && names.includes(name),
  );
  return [...first, ...names.filter((name) => !first.includes(name))];
}

function propertyOf(schema: Schema, name: string): Schema | null {
  const properties = isRecord(schema.properties) ? schema.properties : {};
  const child = properties[name];
  return isRecord(child) ? child : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
