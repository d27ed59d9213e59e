import type Ajv2020 from 'ajv/dist/2020.js';
import { FOREIGN_KEYWORDS, FORM_DIALECT } from '../form/createFormAjv.ts';
import { FILE_FIELD_KEYWORD } from '../form/fileFieldKeyword.ts';
import { checkFileFieldOptions } from './checkFileFieldOptions.ts';
import { checkPattern } from './checkPattern.ts';
import { closestName } from './closestName.ts';
import { DEFINITION_LIMITS } from './definitionLimits.ts';
import type { DefinitionProblem } from './definitionProblem.ts';
import type { EmbeddedSchema } from './embeddedSchemas.ts';
import { fieldPlace } from './fieldPlace.ts';
import { pointerTo } from './jsonPointer.ts';
import { walkSchema } from './walkSchema.ts';

const numbers = new Intl.NumberFormat('fr-FR');

/**
 * What can be told about an embedded schema by reading it, before ajv compiles it, with
 * the exact place: another dialect, unknown keywords and formats (ajv's strict mode
 * refuses them too, but without saying where), invalid or catastrophic regexes, and the
 * size bounds — checked first, so a 10,000-field form is refused without compiling it.
 *
 * @example
 * inspectSchema({ schema: { type: 'string', minLenght: 2 }, pointer: '/form/schema', … }, ajv);
 * // [{ code: 'FORM_SCHEMA_INVALID', pointer: '/form/schema/minLenght',
 * //    message: '… : le mot-clé « minLenght » n’existe pas. Vouliez-vous écrire « minLength » ?' }]
 */
export function inspectSchema(embedded: EmbeddedSchema, ajv: Ajv2020): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const known = Object.keys(ajv.RULES.keywords);
  let fields = 0;
  for (const { schema, pointer, depth } of walkSchema(embedded.schema, embedded.pointer)) {
    const report = (code: DefinitionProblem['code'], issue: string, at = pointer) =>
      problems.push({
        code,
        pointer: at,
        message: `${embedded.name}${fieldPlace(embedded.pointer, at)} : ${issue}`,
      });
    if (depth > DEFINITION_LIMITS.maxSchemaDepth) {
      report(
        'TOO_LARGE',
        `le schéma est imbriqué trop profondément (plus de ${DEFINITION_LIMITS.maxSchemaDepth} niveaux).`,
      );
      return problems;
    }
    const properties = schema['properties'];
    if (typeof properties === 'object' && properties !== null) {
      fields += Object.keys(properties).length;
    }
    if (fields > DEFINITION_LIMITS.maxFields) {
      report(
        'TOO_LARGE',
        `le schéma déclare plus de ${numbers.format(DEFINITION_LIMITS.maxFields)} champs.`,
        embedded.pointer,
      );
      return problems;
    }
    for (const [keyword, value] of Object.entries(schema)) {
      const at = pointerTo(pointer, keyword);
      if (keyword === '$schema' && value !== FORM_DIALECT) {
        report(
          'DIALECT',
          `le dialecte « ${String(value)} » n’est pas pris en charge ; Guichet utilise JSON Schema 2020-12 (${FORM_DIALECT}). Retirez « $schema » ou indiquez cette adresse.`,
          at,
        );
      } else if (Object.hasOwn(FOREIGN_KEYWORDS, keyword)) {
        report(
          'DIALECT',
          `le mot-clé « ${keyword} » n’appartient pas à JSON Schema 2020-12 ; utilisez ${FOREIGN_KEYWORDS[keyword]}.`,
          at,
        );
      } else if (ajv.RULES.keywords[keyword] !== true) {
        report(embedded.code, unknownKeyword(keyword, known), at);
      } else if (
        keyword === 'format' &&
        typeof value === 'string' &&
        ajv.formats[value] === undefined
      ) {
        const guess = closestName(value, Object.keys(ajv.formats));
        report(
          embedded.code,
          `le format « ${value} » n’existe pas.${guess === undefined ? '' : ` Vouliez-vous écrire « ${guess} » ?`}`,
          at,
        );
      } else if (keyword === FILE_FIELD_KEYWORD) {
        const found = checkFileFieldOptions(value, ajv);
        if (found) report(embedded.code, found.issue, `${at}${found.at}`);
      } else if (keyword === 'pattern' && typeof value === 'string') {
        const found = checkPattern(value, embedded.code);
        if (found) report(found.code, found.issue, at);
      } else if (keyword === 'patternProperties' && typeof value === 'object' && value !== null) {
        for (const key of Object.keys(value)) {
          const found = checkPattern(key, embedded.code);
          if (found) report(found.code, found.issue, pointerTo(at, key));
        }
      }
    }
  }
  return problems;
}

function unknownKeyword(keyword: string, known: readonly string[]): string {
  if (keyword.startsWith('ui:')) {
    return `« ${keyword} » est un réglage d’affichage : placez-le dans le schéma d’affichage (uiSchema), pas dans le schéma.`;
  }
  const guess = closestName(keyword, known);
  return `le mot-clé « ${keyword} » n’existe pas.${guess === undefined ? '' : ` Vouliez-vous écrire « ${guess} » ?`}`;
}
