import type { RJSFSchema, UiSchema } from '@rjsf/utils';

/**
 * The `aria-describedby` of an input: only the ids of the parts its FieldTemplate
 * actually renders (description, help, errors), so no reference points at nothing.
 *
 * @example
 * describedBy('root_nom', { schema, uiSchema, rawErrors }); // 'root_nom__error root_nom__help'
 */
export function describedBy(
  id: string,
  parts: { schema: RJSFSchema; uiSchema?: UiSchema | undefined; rawErrors?: string[] | undefined },
): string | undefined {
  const ids: string[] = [];
  if ((parts.rawErrors?.length ?? 0) > 0) ids.push(`${id}__error`);
  if (parts.uiSchema?.['ui:description'] ?? parts.schema.description) {
    ids.push(`${id}__description`);
  }
  if (parts.uiSchema?.['ui:help']) ids.push(`${id}__help`);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

/** `aria-invalid` only when the field shows an error (never `false` noise). */
export function invalid(rawErrors: string[] | undefined): true | undefined {
  return (rawErrors?.length ?? 0) > 0 ? true : undefined;
}
