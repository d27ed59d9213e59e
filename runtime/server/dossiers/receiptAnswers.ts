import type { FormDefinition } from '../../../shared/definition/types.ts';
import { FILE_FIELD_KEYWORD } from '../../../shared/form/index.ts';
import { choiceLabel, dateFr, type SourceLabels } from '../../../shared/templating/index.ts';

/** One line of a receipt: a field's title and the answer as text. */
export interface ReceiptLine {
  label: string;
  value: string;
}

type Node = Record<string, unknown>;

/**
 * A dossier's answers as the receipt lists them: fields in the form's page order, then
 * declaration order; titles as labels (the field name without one); choices by their
 * titles, Oui/Non, French dates; a group's fields under « Groupe — Champ », a repeated
 * group's items numbered; a sourced field's code by its entry's label (`sourceLabels`).
 * Unanswered fields are left out: the receipt says what was sent.
 *
 * @example
 * receiptLines(form, { nom: 'Martin', aide: true });
 * // [{ label: 'Nom', value: 'Martin' }, { label: 'Demande une aide', value: 'Oui' }]
 */
export function receiptLines(
  form: FormDefinition,
  data: Record<string, unknown>,
  sourceLabels: SourceLabels = {},
): ReceiptLine[] {
  const schema = isNode(form.schema) ? form.schema : {};
  const properties = isNode(schema.properties) ? schema.properties : {};
  const declared = Object.keys(properties);
  const onPages = (form.pages ?? []).flatMap((page) => page.fields);
  const names = [...new Set([...onPages.filter((n) => declared.includes(n)), ...declared])];
  const lines: ReceiptLine[] = [];
  for (const name of names) {
    visit(lines, form, sourceLabels, {
      path: name,
      label: null,
      name,
      schema: properties[name],
      value: data[name],
    });
  }
  return lines;
}

interface Visit {
  /** Dotted path from the root, for choice labels. */
  path: string;
  /** The label of the enclosing group, if any. */
  label: string | null;
  name: string;
  schema: unknown;
  value: unknown;
}

function visit(
  lines: ReceiptLine[],
  form: FormDefinition,
  sourceLabels: SourceLabels,
  at: Visit,
): void {
  if (!isNode(at.schema) || at.value === undefined || at.value === null || at.value === '') return;
  const own = typeof at.schema.title === 'string' ? at.schema.title : at.name;
  const label = at.label === null ? own : `${at.label} — ${own}`;
  if (at.schema[FILE_FIELD_KEYWORD] !== undefined) {
    const count = Array.isArray(at.value) ? at.value.length : 1;
    if (count > 0) lines.push({ label, value: count === 1 ? '1 fichier' : `${count} fichiers` });
    return;
  }
  const properties = isNode(at.schema.properties) ? at.schema.properties : null;
  if (properties && isNode(at.value)) {
    for (const [name, child] of Object.entries(properties)) {
      const value = at.value[name];
      visit(lines, form, sourceLabels, {
        path: `${at.path}.${name}`,
        label,
        name,
        schema: child,
        value,
      });
    }
    return;
  }
  const items = isNode(at.schema.items) ? at.schema.items : null;
  if (items && isNode(items.properties) && Array.isArray(at.value)) {
    at.value.forEach((item, index) => {
      const itemLabel = `${label} n° ${index + 1}`;
      for (const [name, child] of Object.entries(items.properties as Node)) {
        const value = isNode(item) ? item[name] : undefined;
        visit(lines, form, sourceLabels, {
          path: `${at.path}.${name}`,
          label: itemLabel,
          name,
          schema: child,
          value,
        });
      }
    });
    return;
  }
  const shown = choiceLabel(form, at.path, at.value, sourceLabels);
  lines.push({ label, value: textOf(at.schema, shown) });
}

function textOf(schema: Node, value: unknown): string {
  if (Array.isArray(value)) return value.map((item) => textOf({}, item)).join(', ');
  if (typeof value === 'boolean') return value ? 'Oui' : 'Non';
  if (typeof value === 'number') return value.toLocaleString('fr-FR');
  if (typeof value === 'string' && schema.format === 'date') return dateFr(value);
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
