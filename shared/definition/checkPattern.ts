import { backtrackingRisk } from '../form/backtrackingRisk.ts';
import { re2Pattern } from '../form/re2Engine.ts';
import type { DefinitionProblemCode } from './definitionProblem.ts';

/**
 * What is wrong with one `pattern` (or `patternProperties` key), as a French sentence
 * for the admin, or nothing. Three refusals, each for a different reader of the pattern:
 * - not a valid `u`-flag regex: ajv (and the browser) could not compile it;
 * - a construct RE2 cannot run (backreference `\1`, lookaround `(?=`, `(?<=`, a repeat
 *   above 1,000): the server, which validates with RE2, could not enforce it
 *   (docs/SECURITY.md §13);
 * - super-linear backtracking (`backtrackingRisk`): the browser, which validates with its
 *   own engine, could freeze on a hostile answer.
 *
 * @example
 * checkPattern('^(a|aa)*$', 'FORM_SCHEMA_INVALID');
 * // { code: 'UNSAFE_REGEX', issue: 'l’expression régulière « ^(a|aa)*$ » peut bloquer…' }
 */
export function checkPattern(
  pattern: string,
  invalidCode: DefinitionProblemCode,
): { code: DefinitionProblemCode; issue: string } | null {
  const named = `l’expression régulière « ${pattern} »`;
  try {
    new RegExp(pattern, 'u'); // ajv compiles patterns with the `u` flag
  } catch {
    return { code: invalidCode, issue: `${named} n’est pas valide.` };
  }
  try {
    re2Pattern(pattern);
  } catch {
    return {
      code: 'UNSUPPORTED_REGEX',
      issue: `${named} utilise une construction que le serveur ne sait pas vérifier en temps garanti : référence arrière (\\1, \\k<nom>), assertion avant ou arrière ((?=…), (?!…), (?<=…), (?<!…)) ou répétition de plus de 1 000 fois. Réécrivez-la sans ces constructions.`,
    };
  }
  const risk = backtrackingRisk(pattern);
  if (risk.kind === 'safe') return null;
  if (risk.kind === 'unknown') {
    return {
      code: 'UNSAFE_REGEX',
      issue: `${named} est trop complexe pour qu’on puisse garantir qu’elle ne bloquera pas le navigateur du demandeur. Simplifiez-la (moins de répétitions imbriquées).`,
    };
  }
  const growth = risk.kind === 'exponential' ? 'exponentiellement' : 'très vite';
  return {
    code: 'UNSAFE_REGEX',
    issue: `${named} peut bloquer le navigateur du demandeur : sur certaines saisies, son temps de vérification croît ${growth} avec la longueur du texte. Cela arrive quand une même lettre peut être lue de plusieurs façons, par exemple « (a|aa)* », « (\\w|\\d)+ » ou « (a+)+ » : faites en sorte que les choix d’une alternative ou d’une répétition ne se chevauchent pas.`,
  };
}
