import type { FormPage, JsonSchema } from '../../../../shared/definition/types.ts';
import { fileFieldsOf } from '../../../../shared/form/fileFields.ts';
import { describeAccept } from '../../../../shared/form/fileTypes.ts';

/** What a démarche's page announces before starting: its steps and the documents to have at hand. */
export interface Preparation {
  steps: string[];
  documents: Array<{ title: string; formats: string; required: boolean }>;
}

/**
 * The steps (page titles) and the supporting documents (file fields, with their
 * formats) of a published form, so a citizen knows what to prepare.
 *
 * @example
 * whatToPrepare(schema, pages);
 * // { steps: ['Votre identité', …], documents: [{ title: 'Avis d’imposition', formats: 'PDF', required: true }] }
 */
export function whatToPrepare(schema: JsonSchema, pages: FormPage[] | null): Preparation {
  const properties =
    typeof schema === 'object' && typeof schema['properties'] === 'object'
      ? (schema['properties'] as Record<string, { title?: unknown }>)
      : {};
  const required = new Set(
    typeof schema === 'object' && Array.isArray(schema['required'])
      ? (schema['required'] as string[])
      : [],
  );
  const documents = fileFieldsOf(schema).map((field) => {
    const segments = field.path.split('/');
    const top = segments[0] ?? '';
    const declared = properties[top]?.title;
    return {
      title: typeof declared === 'string' ? declared : field.path,
      formats: describeAccept(field.options.accept),
      required: segments.length === 1 && required.has(top),
    };
  });
  return { steps: (pages ?? []).map((page) => page.title), documents };
}
