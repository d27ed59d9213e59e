import type { RJSFSchema } from '@rjsf/utils';

/** HTML autocomplete tokens a field's format implies (WCAG 1.3.5, identify input purpose). */
const BY_FORMAT: Readonly<Record<string, string>> = {
  email: 'email',
  'telephone-fr': 'tel',
  'code-postal': 'postal-code',
  iban: 'off',
  uri: 'url',
  url: 'url',
};

/**
 * The `autocomplete` attribute of an input: the UI schema's own (`ui:autocomplete`)
 * first, else the one its format implies, else none.
 *
 * @example
 * autocompleteFor({ type: 'string', format: 'email' }, undefined); // 'email'
 */
export function autocompleteFor(schema: RJSFSchema, fromUi: unknown): string | undefined {
  if (typeof fromUi === 'string') return fromUi;
  return typeof schema.format === 'string' ? BY_FORMAT[schema.format] : undefined;
}
