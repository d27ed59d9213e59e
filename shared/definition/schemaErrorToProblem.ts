import type { ErrorObject } from 'ajv';
import { closestName } from './closestName.ts';
import { PATTERN_HINTS, type PropertyLabel, propertyLabel } from './definitionLabels.ts';
import type { DefinitionProblem, DefinitionProblemCode } from './definitionProblem.ts';
import { describeLocation } from './describeLocation.ts';
import { pointerTo } from './jsonPointer.ts';
import { DEFINITION_FORMAT_VERSION } from './types.ts';

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'un texte',
  number: 'un nombre',
  integer: 'un nombre entier',
  boolean: 'true ou false',
  object: 'un objet',
  array: 'une liste',
  null: 'null',
};

const CODES: Readonly<Record<string, DefinitionProblemCode>> = {
  required: 'SCHEMA_REQUIRED',
  additionalProperties: 'SCHEMA_ADDITIONAL_PROPERTY',
  type: 'SCHEMA_TYPE',
  enum: 'SCHEMA_ENUM',
  const: 'SCHEMA_ENUM',
  discriminator: 'SCHEMA_ENUM',
  pattern: 'SCHEMA_PATTERN',
  format: 'SCHEMA_FORMAT',
  minLength: 'SCHEMA_LENGTH',
  maxLength: 'SCHEMA_LENGTH',
  minItems: 'SCHEMA_LENGTH',
  maxItems: 'SCHEMA_LENGTH',
};

/**
 * Turns one error of the definition schema (compiled with `verbose`) into a problem with
 * a French message naming the place in the admin's terms.
 *
 * @example
 * schemaErrorToProblem(socialAidDefinition, { keyword: 'required',
 *   instancePath: '/workflow/transitions/5', params: { missingProperty: 'to' }, … });
 * // { code: 'SCHEMA_REQUIRED', pointer: '/workflow/transitions/5',
 * //   message: 'La transition « accepter » doit indiquer l’état d’arrivée (to).' }
 */
export function schemaErrorToProblem(definition: unknown, error: ErrorObject): DefinitionProblem {
  const params = error.params as Record<string, unknown>;
  const missing = error.keyword === 'required' ? String(params['missingProperty']) : undefined;
  if (error.instancePath === '/version' || missing === 'version') {
    return {
      code: 'UNSUPPORTED_VERSION',
      pointer: missing === undefined ? '/version' : '',
      message: `La version du format (version) doit valoir ${DEFINITION_FORMAT_VERSION}. Une définition plus ancienne est mise à jour à son import.`,
    };
  }
  const code = CODES[error.keyword] ?? 'SCHEMA_INVALID';
  const { subject, rest } = describeLocation(definition, error.instancePath);
  const label = restLabel(rest);
  const head = label === undefined ? subject : `${subject} : ${label.text}`;
  const must = label?.plural ? 'doivent' : 'doit';
  const value = shown(error.data);
  const problem = (message: string, pointer = error.instancePath): DefinitionProblem => ({
    code,
    pointer,
    message,
  });
  switch (error.keyword) {
    case 'required':
      return problem(`${head} ${must} indiquer ${propertyLabel(missing ?? '').text}.`);
    case 'additionalProperties': {
      const extra = String(params['additionalProperty']);
      const known = Object.keys(propertiesOf(error.parentSchema));
      const guess = closestName(extra, known);
      const hint = guess === undefined ? '' : ` Vouliez-vous écrire « ${guess} » ?`;
      return problem(
        `${head} : la propriété « ${extra} » n’est pas prévue ici.${hint}`,
        pointerTo(error.instancePath, extra),
      );
    }
    case 'type':
      return problem(`${head} ${must} être ${typeNames(params['type'])}.`);
    case 'enum':
      return problem(
        `${head} ${must} valoir l’une de ces valeurs : ${list(params['allowedValues'])}${value}.`,
      );
    case 'const':
      return problem(`${head} ${must} valoir « ${String(params['allowedValue'])} »${value}.`);
    case 'discriminator':
      return discriminatorProblem(head, params, error);
    case 'pattern': {
      const hint = PATTERN_HINTS[String(params['pattern'])] ?? 'avoir la forme attendue';
      return problem(`${head} ${must} ${hint}${value}.`);
    }
    case 'format':
      return problem(
        params['format'] === 'email'
          ? `${head} ${must} être une adresse électronique valide${value}.`
          : `${head} ${must} être une adresse web complète${value}.`,
      );
    case 'minLength':
      return problem(`${head} ne ${must} pas être vide.`);
    case 'minItems':
      return problem(`${head} ${must} contenir au moins ${String(params['limit'])} élément(s).`);
    case 'maxLength':
      return problem(`${head} ${must} contenir au plus ${String(params['limit'])} caractères.`);
    case 'uniqueItems':
      return problem(
        `${head} ${label?.plural ? 'contiennent' : 'contient'} deux fois la même valeur (éléments n° ${Number(params['j']) + 1} et ${Number(params['i']) + 1}).`,
      );
    case 'anyOf':
    case 'oneOf':
      return problem(
        `${head} ${must} être ${alternatives(error.parentSchema, error.keyword)}${value}.`,
      );
    default:
      return problem(`${head} n’est pas valide (${error.message ?? error.keyword}).`);
  }
}

/** `l’état d’arrivée (to)`, `l’élément n° 1 des rôles autorisés (by)`, or the raw path. */
function restLabel(rest: readonly string[]): PropertyLabel | undefined {
  const [name, index] = rest;
  if (name === undefined) return undefined;
  if (rest.length === 1) return propertyLabel(name);
  if (rest.length === 2 && index !== undefined && /^\d+$/.test(index)) {
    return {
      text: `l’élément n° ${Number(index) + 1} ${ofThe(propertyLabel(name).text)}`,
      plural: false,
    };
  }
  return { text: `« ${rest.join('/')} »`, plural: false };
}

/** French `de` + article: `les rôles` → `des rôles`, `le modèle` → `du modèle`. */
function ofThe(phrase: string): string {
  if (phrase.startsWith('les ')) return `des ${phrase.slice(4)}`;
  if (phrase.startsWith('le ')) return `du ${phrase.slice(3)}`;
  return `de ${phrase}`;
}

function discriminatorProblem(
  head: string,
  params: Record<string, unknown>,
  error: ErrorObject,
): DefinitionProblem {
  const tag = String(params['tag']);
  const pointer = error.instancePath;
  // A missing tag is also a `required` error; the same message lets the caller dedupe.
  if (params['error'] !== 'mapping') {
    return {
      code: 'SCHEMA_REQUIRED',
      pointer,
      message: `${head} doit indiquer ${propertyLabel(tag).text}.`,
    };
  }
  const variants = branchesOf(error.parentSchema, 'oneOf').map(
    (branch) => (propertiesOf(branch)[tag] as { const?: unknown } | undefined)?.const,
  );
  return {
    code: 'SCHEMA_ENUM',
    pointer,
    message: `${head} : ${propertyLabel(tag).text} « ${String(params['tagValue'])} » n’existe pas ; valeurs possibles : ${list(variants)}.`,
  };
}

function alternatives(parentSchema: unknown, keyword: string): string {
  const shapes = branchesOf(parentSchema, keyword).map((branch) =>
    'const' in branch ? `« ${String(branch['const'])} »` : typeNames(branch['type']),
  );
  return shapes.length > 0 ? shapes.join(' ou ') : 'd’une forme permise';
}

function branchesOf(schema: unknown, keyword: string): Array<Record<string, unknown>> {
  const record = schema as Record<string, unknown> | undefined;
  const branches = record?.[keyword];
  return Array.isArray(branches) ? (branches as Array<Record<string, unknown>>) : [];
}

function propertiesOf(schema: unknown): Record<string, unknown> {
  const properties = (schema as { properties?: unknown } | undefined)?.properties;
  return typeof properties === 'object' && properties !== null
    ? (properties as Record<string, unknown>)
    : {};
}

function typeNames(type: unknown): string {
  const names = (Array.isArray(type) ? type : [type]).map(
    (t) => TYPE_NAMES[String(t)] ?? String(t),
  );
  return names.join(' ou ');
}

function list(values: unknown): string {
  return Array.isArray(values) ? values.map(String).join(', ') : String(values);
}

/** The offending value, when short enough to quote. */
function shown(value: unknown): string {
  if (typeof value !== 'string' && typeof value !== 'number') return '';
  const text = String(value);
  return text.length <= 40 ? ` (valeur actuelle : « ${text} »)` : '';
}
