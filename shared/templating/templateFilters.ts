import type { Context } from 'liquidjs';
import type { FormDefinition } from '../definition/types.ts';
import { choiceLabel, type SourceLabels } from './choiceLabel.ts';
import { dateFr, dateTimeFr, liste, montant } from './frenchFormats.ts';

/** A liquid filter: liquid calls it with the render's context as `this`. */
type TemplateFilter = (this: { context: Context }, value: unknown, ...args: unknown[]) => unknown;

/** Where a render keeps the démarche's form, for `label` (a liquid context register). */
export const FORM_REGISTER = 'guichet:form';
/** Where a render keeps the labels of the dossier's sourced codes, for `label`. */
export const SOURCE_LABELS_REGISTER = 'guichet:source-labels';

/**
 * The filters Guichet adds to liquid's own, for notifications and letters. The renderer
 * registers exactly these, and so does the linter, which refuses any other name.
 * - `{{ data.situation | label: "situation" }}`: the choice's label, not its code (a
 *   data source's entry label too, when the render was given `SOURCE_LABELS_REGISTER`);
 * - `{{ data.dateNaissance | date_fr }}`: « 15 décembre 2026 »;
 * - `{{ dossier.createdAt | datetime_fr }}`: « 15 décembre 2026 à 10 h 30 » (Paris);
 * - `{{ data.montant | montant }}`: « 45 000,00 € »;
 * - `{{ data.pieces | liste }}`: « a, b et c ».
 *
 * @example
 * for (const [name, filter] of Object.entries(TEMPLATE_FILTERS)) engine.registerFilter(name, filter);
 */
export const TEMPLATE_FILTERS: Readonly<Record<string, TemplateFilter>> = {
  label(value: unknown, fieldPath: unknown) {
    const form = formOf(this.context);
    if (form === null || typeof fieldPath !== 'string') return value;
    const labels = this.context.getRegister<SourceLabels | null>(SOURCE_LABELS_REGISTER, null);
    return choiceLabel(form, fieldPath, value, labels ?? undefined);
  },
  date_fr: (value: unknown) => dateFr(value),
  datetime_fr: (value: unknown) => dateTimeFr(value),
  montant: (value: unknown) => montant(value),
  liste: (value: unknown) => liste(value),
};

function formOf(context: Context): FormDefinition | null {
  const form = context.getRegister<FormDefinition | null>(FORM_REGISTER, null);
  return typeof form === 'object' && form !== null && 'schema' in form ? form : null;
}
