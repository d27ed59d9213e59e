import { operationNamed } from '../../expressions/index.ts';
import { quote } from '../support/describe.ts';
import { expressionSites } from '../support/expressionSites.ts';
import type { FieldNode } from '../support/fieldTree.ts';
import { childPointer, pointer } from '../support/pointer.ts';
import { resolveField } from '../support/resolveField.ts';
import { isObject } from '../support/shapes.ts';
import type { LintRule } from '../types.ts';

type Kind = 'number' | 'date' | 'string' | 'boolean';

/** Which arguments must be numbers or dates, by operation (`all`: every one). */
const EXPECTS: Record<string, { kind: 'number' | 'date'; at: number[] | 'all' }> = {
  '+': { kind: 'number', at: 'all' },
  '-': { kind: 'number', at: 'all' },
  '*': { kind: 'number', at: 'all' },
  '/': { kind: 'number', at: 'all' },
  '%': { kind: 'number', at: 'all' },
  min: { kind: 'number', at: 'all' },
  max: { kind: 'number', at: 'all' },
  round: { kind: 'number', at: [0] },
  floor: { kind: 'number', at: [0] },
  ceil: { kind: 'number', at: [0] },
  age: { kind: 'date', at: 'all' },
  days_between: { kind: 'date', at: 'all' },
  year: { kind: 'date', at: [0] },
  month: { kind: 'date', at: [0] },
  add_days: { kind: 'date', at: [0] },
  add_months: { kind: 'date', at: [0] },
  add_years: { kind: 'date', at: [0] },
};
const ORDERING = new Set(['<', '<=', '>', '>=']);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const SAYS: Record<Kind, string> = {
  number: 'un nombre',
  date: 'une date',
  string: 'un texte',
  boolean: 'une case oui/non',
};

/**
 * `expression-type-mismatch`: an expression computes on a field of the wrong type — an
 * amount from a text field, an age from a field that is not a date (`format: date`),
 * a date compared with a number. Such an expression gives « unknown » on every dossier:
 * the value stays empty, the rule never fails, the effect never runs.
 *
 * @example
 * // { age: [{ var: 'nom' }] } where nom is { type: 'string' }
 * // { rule: 'expression-type-mismatch', pointer: '/computed/0/expression/age/0', … }
 */
export const expressionTypeMismatch: LintRule = {
  id: 'expression-type-mismatch',
  severity: 'warning',
  description: 'Une expression qui calcule sur un champ du mauvais type.',
  check(context, report) {
    for (const site of expressionSites(context)) {
      walk(site.expression, site.pointer, 0, (at, message) =>
        report(at, `${site.owner} ${message}`),
      );
    }
    // A computed value of another type than its field's fails every save of the draft.
    context.computed.forEach((computed, i) => {
      const gives = argumentKind(context.form, computed.expression);
      const field =
        typeof computed.field === 'string' ? kindOf(context.form, computed.field) : null;
      if (gives === null || field === null || gives === field) return;
      if (gives === 'date' && field === 'string') return; // a date is a text too
      report(
        pointer('computed', i, 'expression'),
        `Le calcul de ${quote(computed.field)} donne ${SAYS[gives]}, mais ce champ est ${SAYS[field]} : aucun brouillon ne pourrait plus être enregistré.`,
      );
    });
    function walk(node: unknown, at: string, depth: number, say: (at: string, m: string) => void) {
      if (depth > 64 || !isObject(node)) {
        if (Array.isArray(node))
          node.forEach((item, i) => {
            walk(item, childPointer(at, i), depth + 1, say);
          });
        return;
      }
      const keys = Object.keys(node);
      if (keys.length !== 1) return;
      const name = keys[0] as string;
      const raw = node[name];
      const args = Array.isArray(raw) ? raw : [raw];
      const argAt = (i: number) =>
        Array.isArray(raw) ? childPointer(at, name, i) : childPointer(at, name);
      const expects = EXPECTS[name];
      args.forEach((arg, i) => {
        const field = fieldOf(arg);
        const kind = field === null ? null : kindOf(context.form, field);
        if (expects !== undefined && (expects.at === 'all' || expects.at.includes(i))) {
          if (field !== null && kind !== null && kind !== expects.kind) {
            say(
              argAt(i),
              `utilise ${quote(field)} comme ${SAYS[expects.kind]} dans ${quote(name)}, mais ce champ est ${SAYS[kind]}${expects.kind === 'date' && kind === 'string' ? ' (sans « format: date »)' : ''} : le résultat sera toujours inconnu.`,
            );
          }
        }
        walk(arg, argAt(i), depth + 1, say);
      });
      if (ORDERING.has(name)) {
        const kinds = new Set(
          args.map((arg) => argumentKind(context.form, arg)).filter((k) => k !== null),
        );
        const textual = kinds.has('date') || kinds.has('string');
        if (kinds.has('number') && textual) {
          say(
            childPointer(at, name),
            `compare un nombre avec ${kinds.has('date') ? 'une date' : 'un texte'} dans ${quote(name)} : la comparaison sera toujours inconnue.`,
          );
        }
      }
    }
  },
};

/** The field a `{ var: 'x' }` argument reads, when it is a literal path. */
function fieldOf(arg: unknown): string | null {
  if (!isObject(arg) || Object.keys(arg).length !== 1) return null;
  const path = Array.isArray(arg['var']) ? arg['var'][0] : arg['var'];
  return typeof path === 'string' && path !== '' ? path : null;
}

/** What an argument gives, when it can be told without data. */
function argumentKind(form: FieldNode, arg: unknown): Kind | null {
  if (typeof arg === 'number') return 'number';
  if (typeof arg === 'string') return ISO_DATE.test(arg) ? 'date' : 'string';
  const field = fieldOf(arg);
  if (field !== null) return kindOf(form, field);
  if (!isObject(arg) || Object.keys(arg).length !== 1) return null;
  const returns = operationNamed(Object.keys(arg)[0] as string)?.returns;
  return returns === undefined || returns === 'any' ? null : returns;
}

/** The kind of value the form declares at a dotted path, when it declares one type. */
function kindOf(form: FieldNode, path: string): Kind | null {
  const found = resolveField(form, path.split('.'));
  if (found.status !== 'found') return null;
  const types = new Set<string>();
  let dated = false;
  for (const schema of found.node.constraints) {
    const type = schema['type'];
    if (typeof type === 'string') types.add(type);
    else if (Array.isArray(type)) for (const t of type) if (typeof t === 'string') types.add(t);
    if (schema['format'] === 'date' || schema['format'] === 'date-time') dated = true;
  }
  types.delete('null');
  if (types.size === 0) return null;
  if ([...types].every((t) => t === 'number' || t === 'integer')) return 'number';
  if (types.size !== 1) return null;
  if (types.has('string')) return dated ? 'date' : 'string';
  return types.has('boolean') ? 'boolean' : null;
}
