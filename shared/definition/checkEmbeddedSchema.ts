import type { ErrorObject } from 'ajv';
import type Ajv2020 from 'ajv/dist/2020.js';
import { fieldErrorMessage } from '../form/fieldErrorMessage.ts';
import type { DefinitionProblem } from './definitionProblem.ts';
import type { EmbeddedSchema } from './embeddedSchemas.ts';
import { fieldPlace } from './fieldPlace.ts';
import { findRefLoop } from './findRefLoop.ts';
import { inspectSchema } from './inspectSchema.ts';
import { pointerSegments } from './jsonPointer.ts';

/**
 * Every problem of one embedded schema, in passes that each run only when the one
 * before found nothing that would make it fail for the same reason: reading it
 * (`inspectSchema`: dialect, keywords, formats, regexes, size), a `$ref` that loops
 * without progress (`findRefLoop`), the draft 2020-12 meta-schema, then an actual
 * compile with the form ajv — what the engine will do.
 *
 * Compiling in the caller's instance, shared by the definition's schemas, mirrors the
 * engine (one instance per definition): two schemas claiming one `$id` fail here too.
 *
 * @example
 * checkEmbeddedSchema({ schema: { type: 'string', minLength: -1 }, … }, createFormAjv());
 * // [{ code: 'GUARD_SCHEMA_INVALID', pointer: '/workflow/transitions/5/guard/minLength', … }]
 */
export function checkEmbeddedSchema(embedded: EmbeddedSchema, ajv: Ajv2020): DefinitionProblem[] {
  const problems = inspectSchema(embedded, ajv);
  // A catastrophic regex still compiles (ajv does not run it), so it blocks nothing.
  if (problems.some((problem) => problem.code !== 'UNSAFE_REGEX')) return problems;
  const problem = (pointer: string, issue: string): DefinitionProblem => ({
    code: embedded.code,
    pointer,
    message: `${embedded.name}${fieldPlace(embedded.pointer, pointer)} : ${issue}`,
  });
  // Before compiling: ajv overflows its stack on some of these, or on every value later.
  const loop = findRefLoop(embedded.schema, embedded.pointer);
  if (loop !== null) {
    return [
      ...problems,
      problem(
        loop,
        'le schéma renvoie à lui-même (« $ref ») sans passer à une partie des données : sa vérification ne se terminerait jamais. Faites pointer la référence vers une autre définition, ou placez-la sous « properties » ou « items ».',
      ),
    ];
  }
  try {
    if (ajv.validateSchema(embedded.schema) !== true) {
      return [...problems, ...metaProblems(ajv.errors ?? [], embedded.pointer, problem)];
    }
    ajv.compile(embedded.schema);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    problems.push(problem(compilePointer(message, embedded.pointer), compileIssue(message)));
  }
  return problems;
}

/** One problem per place, from the first error ajv gives there. */
function metaProblems(
  errors: readonly ErrorObject[],
  root: string,
  problem: (pointer: string, issue: string) => DefinitionProblem,
): DefinitionProblem[] {
  const byPlace = new Map<string, ErrorObject>();
  for (const error of errors)
    if (!byPlace.has(error.instancePath)) byPlace.set(error.instancePath, error);
  return [...byPlace].map(([path, error]) => {
    const keyword = pointerSegments(path).at(-1) ?? '';
    const allowed = (error.params as { allowedValues?: unknown }).allowedValues;
    const choices = Array.isArray(allowed) ? ` (valeurs possibles : ${allowed.join(', ')})` : '';
    const reason = lowerFirst(fieldErrorMessage(error)).replace(/\.$/, '');
    return problem(
      `${root}${path}`,
      `la valeur de « ${keyword} » n’est pas valide : ${reason}${choices}.`,
    );
  });
}

/** ajv names the place of most strict-mode errors as `at "#/then"`; map it to a pointer. */
function compilePointer(message: string, root: string): string {
  const at = /at "[^"#]*#([^"]*)"/.exec(message)?.[1];
  if (at === undefined || (at !== '' && !at.startsWith('/'))) return root;
  try {
    return root + decodeURIComponent(at);
  } catch {
    return root;
  }
}

function compileIssue(message: string): string {
  const reference = /can't resolve reference (\S+)/.exec(message)?.[1];
  if (reference !== undefined) return `la référence « ${reference} » ($ref) est introuvable.`;
  const id = /schema with key or id "([^"]+)" already exists/.exec(message)?.[1];
  if (id !== undefined) return `l’identifiant « ${id} » ($id) est déjà pris par un autre schéma.`;
  return `le schéma ne peut pas être compilé (${message}).`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
