import type { FormDefinition } from '../../../../shared/definition/types.ts';
import { onFirstUse } from '../../../../shared/onFirstUse.ts';
import { choiceLabel, hasChoiceLabels } from '../../../../shared/templating/choiceLabel.ts';
import { dateFr } from '../../../../shared/templating/frenchFormats.ts';
import type { UploadedFile } from '../../forms/index.ts';

type SchemaObject = { [keyword: string]: unknown };

function isObject(value: unknown): value is SchemaObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Made on first use: the review step's chunk loads while the first step shows (see FillPage). */
const numbers = onFirstUse(() => new Intl.NumberFormat('fr-FR'));

/**
 * An answer as the review page shows it, in words: « Oui »/« Non », a choice's title,
 * file names, « 2 éléments » for a repeated group, « Non renseigné » when empty.
 *
 * @example
 * answerText({ type: 'boolean' }, true, {}); // 'Oui'
 */
export function answerText(
  schema: unknown,
  value: unknown,
  files: Readonly<Record<string, UploadedFile>>,
): string {
  if (value === undefined || value === null || value === '') return 'Non renseigné';
  const node = isObject(schema) ? schema : {};
  if (node['x-file'] !== undefined && Array.isArray(value)) {
    if (value.length === 0) return 'Aucun fichier';
    return value.map((id) => files[String(id)]?.fileName ?? 'fichier joint').join(', ');
  }
  if (typeof value === 'boolean') return value ? 'Oui' : 'Non';
  if (typeof value === 'number') return numbers().format(value);
  const choices = Array.isArray(node['oneOf']) ? node['oneOf'] : [];
  const choice = choices.find((option) => isObject(option) && option['const'] === value);
  if (isObject(choice) && typeof choice['title'] === 'string') return choice['title'];
  if (Array.isArray(value)) {
    return value.length === 1 ? '1 élément' : `${value.length} éléments`;
  }
  if (isObject(value)) {
    const properties = isObject(node['properties']) ? node['properties'] : {};
    return Object.entries(value)
      .map(([key, inner]) => {
        const title = isObject(properties[key]) ? properties[key]['title'] : undefined;
        return `${typeof title === 'string' ? title : key} : ${answerText(properties[key], inner, files)}`;
      })
      .join(' ; ');
  }
  return String(value);
}

/**
 * An answer of the form's field `field` in words, as `answerText` says it, with a
 * choice's label from the form (`oneOf` titles or the uiSchema's `ui:enumNames`, as
 * letters print them) and a date in French (« 12 avril 1988 ») rather than its code.
 *
 * @example
 * fieldAnswerText(form, 'secteur', 'sante', {}); // 'Santé et action sociale'
 */
export function fieldAnswerText(
  form: FormDefinition,
  field: string,
  value: unknown,
  files: Readonly<Record<string, UploadedFile>>,
): string {
  const properties =
    isObject(form.schema) && isObject(form.schema['properties']) ? form.schema['properties'] : {};
  const schema = properties[field];
  if (value === undefined || value === null || value === '')
    return answerText(schema, value, files);
  if (hasChoiceLabels(form, field)) {
    const label = choiceLabel(form, field, value);
    return Array.isArray(label) ? label.map(String).join(', ') : String(label);
  }
  if (isObject(schema) && schema['format'] === 'date' && typeof value === 'string') {
    return dateFr(value);
  }
  return answerText(schema, value, files);
}
