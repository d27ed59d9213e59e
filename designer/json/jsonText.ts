import type { DemarcheDefinition } from '../../shared/definition/index.ts';

/**
 * The definition as the JSON tab shows it: two-space indentation, the format's own key
 * order (the order the document was built in).
 */
export function textOfDefinition(definition: DemarcheDefinition): string {
  return `${JSON.stringify(definition, null, 2)}\n`;
}

/**
 * The document the editor's text describes, when it parses and says something else than
 * `current` (whitespace alone changes nothing); otherwise `null`. Schema validity is the
 * JSON language service's call, made before this one.
 *
 * @example
 * changedDefinition('{ "version": 2, … }', current) // the parsed document, or null
 */
export function changedDefinition(
  text: string,
  current: DemarcheDefinition,
): DemarcheDefinition | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  return JSON.stringify(parsed) === JSON.stringify(current) ? null : (parsed as DemarcheDefinition);
}

/** One replacement turning a text into another: `[start, end)` of the old text becomes `text`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/**
 * The smallest single edit from `before` to `after` (common prefix and suffix kept), so an
 * outside change (a state renamed in the graph) touches only the lines it changed and the
 * admin's cursor elsewhere stays where it was. `null` when the texts are equal.
 *
 * @example
 * minimalEdit('{"a":1}', '{"a":2}') // { start: 5, end: 6, text: '2' }
 */
export function minimalEdit(before: string, after: string): TextEdit | null {
  if (before === after) return null;
  let start = 0;
  const shortest = Math.min(before.length, after.length);
  while (start < shortest && before[start] === after[start]) start += 1;
  let fromEnd = 0;
  while (
    fromEnd < shortest - start &&
    before[before.length - 1 - fromEnd] === after[after.length - 1 - fromEnd]
  )
    fromEnd += 1;
  return { start, end: before.length - fromEnd, text: after.slice(start, after.length - fromEnd) };
}
