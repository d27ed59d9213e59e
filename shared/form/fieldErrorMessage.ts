import type { ErrorObject } from 'ajv';
import { onFirstUse } from '../onFirstUse.ts';

/** Made on first use: most form pages show no number in an error before the citizen types. */
const numbers = onFirstUse(() => new Intl.NumberFormat('fr-FR'));

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'un texte',
  number: 'un nombre',
  integer: 'un nombre entier',
  boolean: 'oui ou non',
  object: 'un ensemble de champs',
  array: 'une liste',
  null: 'vide',
};

const FORMAT_MESSAGES: Readonly<Record<string, string>> = {
  email: 'L’adresse électronique n’est pas valide.',
  date: 'La date n’est pas valide (format attendu : AAAA-MM-JJ).',
  'date-time': 'La date et l’heure ne sont pas valides.',
  time: 'L’heure n’est pas valide.',
  uri: 'L’adresse web n’est pas valide.',
  url: 'L’adresse web n’est pas valide.',
  uuid: 'L’identifiant n’est pas valide.',
  'data-url': 'Le fichier n’a pas pu être lu.',
  color: 'La couleur n’est pas valide.',
  siren: 'Le numéro SIREN n’est pas valide (9 chiffres, clé de contrôle comprise).',
  siret: 'Le numéro SIRET n’est pas valide (14 chiffres, clé de contrôle comprise).',
  iban: 'L’IBAN n’est pas valide (vérifiez le code pays et la clé).',
  bic: 'Le code BIC n’est pas valide (8 ou 11 caractères).',
  'code-postal': 'Le code postal n’est pas valide (5 chiffres, par exemple 75001).',
  'telephone-fr': 'Le numéro de téléphone n’est pas valide (10 chiffres commençant par 0, ou +33).',
  'code-commune-insee':
    'Le code commune INSEE n’est pas valide (5 caractères, par exemple 75056 ou 2A004).',
};

/**
 * The French message shown beside a field for one ajv error: what a citizen or an agent
 * reads. Code tells errors apart by `error.keyword`, never by this text.
 *
 * @example
 * fieldErrorMessage({ keyword: 'maximum', instancePath: '/revenuMensuel', schemaPath: '',
 *   params: { comparison: '<=', limit: 1500 } });
 * // 'La valeur doit être inférieure ou égale à 1 500.'
 */
export function fieldErrorMessage(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  const limit = params['limit'];
  switch (error.keyword) {
    case 'required':
    case 'dependentRequired':
      return 'Ce champ est obligatoire.';
    case 'type':
      return `Ce champ doit être ${typeName(params['type'])}.`;
    case 'minLength':
      return limit === 1
        ? 'Ce champ ne doit pas être vide.'
        : `Ce champ doit contenir au moins ${plural(limit, 'caractère')}.`;
    case 'maxLength':
      return `Ce champ doit contenir au plus ${plural(limit, 'caractère')}.`;
    case 'minimum':
      return `La valeur doit être supérieure ou égale à ${show(limit)}.`;
    case 'maximum':
      return `La valeur doit être inférieure ou égale à ${show(limit)}.`;
    case 'exclusiveMinimum':
      return `La valeur doit être strictement supérieure à ${show(limit)}.`;
    case 'exclusiveMaximum':
      return `La valeur doit être strictement inférieure à ${show(limit)}.`;
    case 'formatMinimum':
    case 'formatExclusiveMinimum':
      return `La valeur doit être postérieure à ${show(limit)}.`;
    case 'formatMaximum':
    case 'formatExclusiveMaximum':
      return `La valeur doit être antérieure à ${show(limit)}.`;
    case 'multipleOf':
      return `La valeur doit être un multiple de ${show(params['multipleOf'])}.`;
    case 'format':
      return FORMAT_MESSAGES[String(params['format'])] ?? 'Le format de ce champ n’est pas valide.';
    case 'pattern':
      return 'Le format de ce champ n’est pas valide.';
    case 'enum':
      return 'Cette valeur ne fait pas partie des choix proposés.';
    case 'const':
      return `La valeur attendue est « ${show(params['allowedValue'])} ».`;
    case 'minItems':
      return `La liste doit contenir au moins ${plural(limit, 'élément')}.`;
    case 'maxItems':
      return `La liste doit contenir au plus ${plural(limit, 'élément')}.`;
    case 'uniqueItems':
      return 'Les éléments de la liste doivent être tous différents.';
    case 'minProperties':
      return limit === 1
        ? 'Au moins un champ doit être rempli.'
        : `Au moins ${plural(limit, 'champ')} doivent être remplis.`;
    case 'maxProperties':
      return limit === 1
        ? 'Un seul champ peut être rempli.'
        : `Au plus ${plural(limit, 'champ')} peuvent être remplis.`;
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return 'Ce champ n’est pas attendu.';
    case 'oneOf':
    case 'anyOf':
      return 'La réponse ne correspond à aucun des cas prévus.';
    default:
      return 'Cette valeur n’est pas valide.';
  }
}

function typeName(type: unknown): string {
  const names = String(type)
    .split(',')
    .map((name) => TYPE_NAMES[name])
    .filter((name) => name !== undefined);
  return names.length > 0 ? names.join(' ou ') : 'd’un autre type';
}

function show(value: unknown): string {
  if (typeof value === 'number') return numbers().format(value);
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

function plural(count: unknown, noun: string): string {
  return `${show(count)} ${noun}${typeof count === 'number' && count > 1 ? 's' : ''}`;
}
