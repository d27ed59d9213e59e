import type { FormDefinition } from '../../../shared/definition/types.ts';
import { FILE_FIELD_KEYWORD } from '../../../shared/form/index.ts';
import { choiceLabel, type SourceLabels } from '../../../shared/templating/index.ts';

/** An exported cell: text, a number, a day or an instant, or nothing. */
export type ExportValue = string | number | { day: Date } | { at: Date } | null;

/** One form field as an export column: its header and where its answers are. */
export interface FormColumn {
  header: string;
  /** Property names from the root; a repeated group's fields go through the group. */
  path: readonly string[];
  /** Whether `path[0]` is a repeated group, whose items' answers share the cell. */
  repeated: boolean;
}

type Node = Record<string, unknown>;

/**
 * The export columns of a form: every answer field in page order then declaration
 * order, titled by its label (« Groupe — Champ » inside a group); a repeated group's
 * fields are one column each, their items' answers joined. File fields are left out: a
 * spreadsheet cannot hold them.
 *
 * @example
 * formColumns(form); // [{ header: 'Nom', path: ['nom'], repeated: false }, …]
 */
export function formColumns(form: FormDefinition): FormColumn[] {
  const root = isNode(form.schema) ? form.schema : {};
  const properties = isNode(root.properties) ? root.properties : {};
  const declared = Object.keys(properties);
  const onPages = (form.pages ?? []).flatMap((page) => page.fields);
  const names = [...new Set([...onPages.filter((n) => declared.includes(n)), ...declared])];
  const columns: FormColumn[] = [];
  const visit = (schema: unknown, path: string[], label: string | null, repeated: boolean) => {
    if (!isNode(schema) || schema[FILE_FIELD_KEYWORD] !== undefined) return;
    const own = typeof schema.title === 'string' ? schema.title : (path.at(-1) ?? '');
    const header = label === null ? own : `${label} — ${own}`;
    if (isNode(schema.properties)) {
      for (const [name, child] of Object.entries(schema.properties))
        visit(child, [...path, name], header, repeated);
      return;
    }
    const items = isNode(schema.items) ? schema.items : null;
    if (!repeated && path.length === 1 && items !== null && isNode(items.properties)) {
      for (const [name, child] of Object.entries(items.properties))
        visit(child, [...path, name], header, true);
      return;
    }
    columns.push({ header, path, repeated });
  };
  for (const name of names) visit(properties[name], [name], null, false);
  return columns;
}

/**
 * A dossier's answer in a column, typed for a spreadsheet: choices (enums and data
 * sources) by their labels, numbers as numbers, dates as days, « Oui »/« Non ».
 *
 * @example
 * formCell(form, { header: 'Commune', path: ['commune'], repeated: false }, data, labels);
 * // 'Lyon 3e Arrondissement'
 */
export function formCell(
  form: FormDefinition,
  column: FormColumn,
  data: Record<string, unknown>,
  labels: SourceLabels,
): ExportValue {
  const schema = schemaAt(form, column.path);
  const dotted = column.path.join('.');
  if (column.repeated) {
    const [group, ...rest] = column.path;
    const items = Array.isArray(data[group ?? '']) ? (data[group ?? ''] as unknown[]) : [];
    const texts = items
      .map((item) => textOf(valueAt(item, rest), schema, form, dotted, labels))
      .filter((text) => text !== '');
    return texts.length === 0 ? null : texts.join(' ; ');
  }
  const value = valueAt(data, column.path);
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'number' && !hasChoices(schema)) return value;
  if (typeof value === 'string' && schema?.format === 'date' && DAY.test(value))
    return { day: new Date(`${value}T00:00:00Z`) };
  if (
    typeof value === 'string' &&
    schema?.format === 'date-time' &&
    !Number.isNaN(Date.parse(value))
  )
    return { at: new Date(value) };
  return textOf(value, schema, form, dotted, labels);
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function textOf(
  value: unknown,
  schema: Node | undefined,
  form: FormDefinition,
  dotted: string,
  labels: SourceLabels,
): string {
  if (value === undefined || value === null || value === '') return '';
  const shown = choiceLabel(form, dotted, value, labels);
  if (Array.isArray(shown))
    return shown.map((item) => textOf(item, undefined, form, '', {})).join(', ');
  if (typeof shown === 'boolean') return shown ? 'Oui' : 'Non';
  if (typeof shown === 'number') return shown.toLocaleString('fr-FR');
  if (typeof shown === 'string' && schema?.format === 'date' && DAY.test(shown)) {
    const [year, month, day] = shown.split('-');
    return `${day}/${month}/${year}`;
  }
  if (typeof shown === 'object' && shown !== null) return JSON.stringify(shown);
  return String(shown);
}

function hasChoices(schema: Node | undefined): boolean {
  return schema !== undefined && (Array.isArray(schema.enum) || Array.isArray(schema.oneOf));
}

function schemaAt(form: FormDefinition, path: readonly string[]): Node | undefined {
  let node: unknown = form.schema;
  for (const name of path) {
    if (isNode(node) && !isNode(node.properties) && isNode(node.items)) node = node.items;
    const properties = isNode(node) ? node.properties : undefined;
    node = isNode(properties) && Object.hasOwn(properties, name) ? properties[name] : undefined;
  }
  return isNode(node) ? node : undefined;
}

function valueAt(data: unknown, path: readonly string[]): unknown {
  let node = data;
  for (const name of path) {
    if (!isNode(node) || !Object.hasOwn(node, name)) return undefined;
    node = node[name];
  }
  return node;
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
