import type { DefinitionProblemCode } from './definitionProblem.ts';
import { describeLocation } from './describeLocation.ts';
import { pointerTo } from './jsonPointer.ts';

/** A JSON Schema written by the admin inside a definition, to compile with the form dialect. */
export interface EmbeddedSchema {
  schema: Record<string, unknown> | boolean;
  pointer: string;
  /** The code of the problems found in it. */
  code: DefinitionProblemCode;
  /** How the admin calls it, e.g. « La transition « accepter », condition (guard) ». */
  name: string;
}

/**
 * Every embedded schema of a definition: the form, page conditions and checks, guards,
 * transition input forms and routing conditions. Reads the document defensively, since it
 * runs whatever the structural validation says: a non-schema where a schema belongs is
 * the definition schema's to report, and is skipped here.
 *
 * @example
 * embeddedSchemas(socialAidDefinition).map((s) => s.pointer);
 * // ['/form/schema', '/workflow/transitions/2/input/schema', '/workflow/transitions/5/guard', …]
 */
export function embeddedSchemas(definition: unknown): EmbeddedSchema[] {
  const found: EmbeddedSchema[] = [];
  const take = (
    owner: unknown,
    at: string,
    key: string,
    code: DefinitionProblemCode,
    what: string,
  ) => {
    const schema = isRecord(owner) ? owner[key] : undefined;
    if (!isRecord(schema) && typeof schema !== 'boolean') return;
    const { subject } = describeLocation(definition, at);
    found.push({ schema, pointer: pointerTo(at, key), code, name: `${subject}, ${what}` });
  };
  const root = isRecord(definition) ? definition : {};
  const form = root['form'];
  take(form, '/form', 'schema', 'FORM_SCHEMA_INVALID', 'schéma (schema)');
  forEachItem(isRecord(form) ? form['pages'] : undefined, '/form/pages', (page, at) => {
    take(page, at, 'condition', 'PAGE_SCHEMA_INVALID', 'condition d’affichage (condition)');
    take(page, at, 'checks', 'PAGE_SCHEMA_INVALID', 'vérifications (checks)');
  });
  const workflow = root['workflow'];
  const transitions = isRecord(workflow) ? workflow['transitions'] : undefined;
  forEachItem(transitions, '/workflow/transitions', (transition, at) => {
    take(transition, at, 'guard', 'GUARD_SCHEMA_INVALID', 'condition (guard)');
    const input = isRecord(transition) ? transition['input'] : undefined;
    take(input, pointerTo(at, 'input'), 'schema', 'INPUT_SCHEMA_INVALID', 'schéma (schema)');
  });
  forEachItem(root['routing'], '/routing', (rule, at) => {
    take(rule, at, 'when', 'ROUTING_SCHEMA_INVALID', 'condition (when)');
  });
  return found;
}

function forEachItem(list: unknown, at: string, visit: (item: unknown, at: string) => void): void {
  if (!Array.isArray(list)) return;
  for (const [index, item] of list.entries()) visit(item, pointerTo(at, index));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
