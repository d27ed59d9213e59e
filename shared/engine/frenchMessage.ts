import type { ErrorObject } from 'ajv';

const numbers = new Intl.NumberFormat('fr-FR');

const TYPE_NAMES: Record<string, string> = {
  string: 'un texte',
  number: 'un nombre',
  integer: 'un nombre entier',
  boolean: 'vrai ou faux',
  object: 'un ensemble de champs',
  array: 'une liste',
  null: 'vide',
};

const FORMAT_MESSAGES: Record<string, string> = {
  email: 'L’adresse électronique n’est pas valide.',
  date: 'La date n’est pas valide (format attendu : AAAA-MM-JJ).',
  'date-time': 'La date et l’heure ne sont pas valides.',
  time: 'L’heure n’est pas valide.',
  uri: 'L’adresse web n’est pas valide.',
  url: 'L’adresse web n’est pas valide.',
  uuid: 'L’identifiant n’est pas valide.',
};

/**
 * The French message shown beside a field for one ajv error. Users read French; code
 * keeps the keyword (`GuardFailure.rule`) to tell errors apart.
 *
 * @example
 * frenchMessage({ keyword: 'required', instancePath: '', schemaPath: '',
 *   params: { missingProperty: 'nom' } }); // 'Ce champ est obligatoire.'
 */
export function frenchMessage(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  const limit = params['limit'];
  switch (error.keyword) {
    case 'required':
    case 'dependentRequired':
      return 'Ce champ est obligatoire.';
    case 'type':
      return `Ce champ doit être ${typeName(params['type'])}.`;
    case 'minLength':
      return `Ce champ doit contenir au moins ${plural(limit, 'caractère')}.`;
    case 'maxLength':
      return `Ce champ doit contenir au plus ${plural(limit, 'caractère')}.`;
    case 'minimum':
      return `La valeur doit être supérieure ou égale à ${format(limit)}.`;
    case 'maximum':
      return `La valeur doit être inférieure ou égale à ${format(limit)}.`;
    case 'exclusiveMinimum':
      return `La valeur doit être strictement supérieure à ${format(limit)}.`;
    case 'exclusiveMaximum':
      return `La valeur doit être strictement inférieure à ${format(limit)}.`;
    case 'multipleOf':
      return `La valeur doit être un multiple de ${format(params['multipleOf'])}.`;
    case 'format':
      return FORMAT_MESSAGES[String(params['format'])] ?? 'Le format de ce champ n’est pas valide.';
    case 'pattern':
      return 'Le format de ce champ n’est pas valide.';
    case 'enum':
      return 'Cette valeur ne fait pas partie des choix proposés.';
    case 'const':
      return `La valeur attendue est « ${format(params['allowedValue'])} ».`;
    case 'minItems':
      return `La liste doit contenir au moins ${plural(limit, 'élément')}.`;
    case 'maxItems':
      return `La liste doit contenir au plus ${plural(limit, 'élément')}.`;
    case 'uniqueItems':
      return 'Les éléments de la liste doivent être tous différents.';
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return 'Ce champ n’est pas attendu.';
    default:
      return 'Cette valeur n’est pas valide.';
  }
}

function typeName(type: unknown): string {
  const first = String(type).split(',')[0] ?? '';
  return TYPE_NAMES[first] ?? 'd’un autre type';
}

function format(value: unknown): string {
  if (typeof value === 'number') return numbers.format(value);
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

function plural(count: unknown, noun: string): string {
  return `${format(count)} ${noun}${typeof count === 'number' && count > 1 ? 's' : ''}`;
}
