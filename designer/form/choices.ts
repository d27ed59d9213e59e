import { slugFromTitle } from '../demarches/slugFromTitle.ts';

/** One offered answer: the stored value and what the citizen reads. */
export interface Choice {
  const: string;
  title: string;
}

/** The choices of a single-choice schema, or of a multiple-choice schema's items. */
export function choicesOf(schema: Record<string, unknown>): Choice[] {
  const holder = schema['type'] === 'array' ? (schema['items'] as Record<string, unknown>) : schema;
  const oneOf = holder?.['oneOf'];
  if (Array.isArray(oneOf)) {
    return oneOf
      .filter((entry): entry is Choice => typeof entry?.const === 'string')
      .map((entry) => ({
        const: entry.const,
        title: typeof entry.title === 'string' ? entry.title : entry.const,
      }));
  }
  const values = holder?.['enum'];
  return Array.isArray(values)
    ? values
        .filter((value): value is string => typeof value === 'string')
        .map((value) => ({ const: value, title: value }))
    : [];
}

/** The schema offering `choices` (as `oneOf` of `const` + `title`, which RJSF shows by title). */
export function withChoices(
  schema: Record<string, unknown>,
  choices: readonly Choice[],
): Record<string, unknown> {
  const oneOf = choices.map((choice) => ({ const: choice.const, title: choice.title }));
  if (schema['type'] === 'array') {
    const { enum: _enum, ...items } = (schema['items'] as Record<string, unknown>) ?? {};
    return { ...schema, items: { ...items, type: 'string', oneOf } };
  }
  const { enum: _enum, ...rest } = schema;
  return { ...rest, oneOf };
}

/**
 * A stored value for a new choice: from its label, unique among the others. Values never
 * change once created (guards and routing rules compare them); labels may.
 *
 * @example
 * newChoiceValue('Célibataire', [{ const: 'celibataire', title: 'Célibataire' }]); // 'celibataire-2'
 */
export function newChoiceValue(label: string, existing: readonly Choice[]): string {
  const base = slugFromTitle(label) || 'choix';
  const taken = new Set(existing.map((choice) => choice.const));
  if (!taken.has(base)) return base;
  let index = 2;
  while (taken.has(`${base}-${index}`)) index += 1;
  return `${base}-${index}`;
}
