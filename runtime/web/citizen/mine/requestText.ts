/**
 * The words an agent typed when firing a transition (the reason of a request for
 * complement, of a refusal): the input's text answers, in order, shown as plain text.
 *
 * @example
 * requestText({ message: 'Joignez votre avis d’imposition.' }); // ['Joignez votre avis d’imposition.']
 */
export function requestText(input: Record<string, unknown> | null): string[] {
  if (!input) return [];
  return Object.values(input).filter(
    (value): value is string => typeof value === 'string' && value.trim() !== '',
  );
}
