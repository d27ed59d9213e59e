import {
  IDENTIFIER_PATTERN,
  ISO_DURATION_PATTERN,
  REFERENCE_PREFIX_PATTERN,
  SLUG_PATTERN,
} from './definitionSchema.ts';

/** A property named in a French sentence: its phrase, and whether the verb is plural. */
export interface PropertyLabel {
  text: string;
  plural: boolean;
}

const singular = (text: string): PropertyLabel => ({ text, plural: false });
const plural = (text: string): PropertyLabel => ({ text, plural: true });

/** What the admin reads for each property of the format; the code name follows in brackets. */
const LABELS: Readonly<Record<string, PropertyLabel>> = {
  version: singular('la version du format'),
  meta: plural('les informations générales'),
  form: singular('le formulaire'),
  workflow: singular('le circuit de traitement'),
  routing: plural('les règles d’aiguillage'),
  notifications: plural('les modèles de notification'),
  letters: plural('les modèles de courrier'),
  slug: singular('le nom d’adresse'),
  title: singular('le titre'),
  referencePrefix: singular('le préfixe des références'),
  retention: singular('la durée de conservation'),
  schema: singular('le schéma'),
  uiSchema: singular('le schéma d’affichage'),
  pages: plural('les pages'),
  fields: plural('les champs'),
  initialState: singular('l’état initial'),
  states: plural('les états'),
  transitions: plural('les transitions'),
  id: singular('l’identifiant'),
  label: singular('le libellé'),
  kind: singular('la nature'),
  outcome: singular('l’issue'),
  sla: singular('le délai de traitement'),
  from: plural('les états de départ'),
  to: singular('l’état d’arrivée'),
  by: plural('les rôles autorisés'),
  after: singular('le délai de déclenchement'),
  type: singular('le type'),
  template: singular('le modèle'),
  url: singular('l’adresse web'),
  unit: singular('l’unité'),
  in: singular('le délai'),
  priority: singular('la priorité'),
  channel: singular('le canal'),
  subject: singular('l’objet'),
  body: singular('le contenu'),
  address: singular('l’adresse électronique'),
  options: plural('les options'),
  value: singular('la valeur'),
  table: singular('la table'),
  field: singular('le champ'),
  expression: singular('l’expression'),
  name: singular('le nom'),
  data: plural('les données'),
  steps: plural('les étapes'),
  transition: singular('la transition'),
  actor: singular('l’acteur'),
  expect: singular('le résultat attendu'),
  state: singular('l’état'),
  sections: plural('les sections'),
  description: singular('la description'),
  layout: singular('la disposition du graphe'),
  positions: plural('les positions des états'),
  viewport: singular('la vue du graphe'),
  zoom: singular('le zoom'),
};

/**
 * The phrase for a property, e.g. `l’état d’arrivée (to)`; unknown names are quoted.
 *
 * @example
 * propertyLabel('to'); // { text: 'l’état d’arrivée (to)', plural: false }
 */
export function propertyLabel(name: string): PropertyLabel {
  const label = Object.hasOwn(LABELS, name) ? LABELS[name] : undefined;
  return label === undefined
    ? singular(`« ${name} »`)
    : { text: `${label.text} (${name})`, plural: label.plural };
}

/** What a value must look like, by the pattern of the definition schema it failed. */
export const PATTERN_HINTS: Readonly<Record<string, string>> = {
  [IDENTIFIER_PATTERN]:
    'être formé de lettres minuscules sans accent, de chiffres, de « - » ou de « _ », et commencer par une lettre (ex. : en_instruction)',
  [REFERENCE_PREFIX_PATTERN]: 'être formé de 2 à 10 lettres majuscules sans accent (ex. : APA)',
  [SLUG_PATTERN]:
    'être formé de lettres minuscules sans accent et de chiffres, séparés par des tirets (ex. : aide-sociale)',
  [ISO_DURATION_PATTERN]:
    'être une durée ISO 8601 (ex. : P15D pour 15 jours, PT48H pour 48 heures, P1M pour un mois)',
  '^https?://': 'commencer par https:// (ou http://)',
};
