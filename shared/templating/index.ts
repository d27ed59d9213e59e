/**
 * What notification and letter templates add to liquid: French formats, choice labels,
 * and the filters built on them. Pure, so the designer's preview renders like the server.
 */
export { choiceLabel, hasChoiceLabels, type SourceLabels } from './choiceLabel.ts';
export { dateFr, dateTimeFr, liste, montant } from './frenchFormats.ts';
export { FORM_REGISTER, SOURCE_LABELS_REGISTER, TEMPLATE_FILTERS } from './templateFilters.ts';
