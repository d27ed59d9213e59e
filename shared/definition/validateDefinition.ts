import type { ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { createFormAjv } from '../form/createFormAjv.ts';
import { err, ok, type Result } from '../result.ts';
import { checkBounds } from './checkBounds.ts';
import { checkEmbeddedSchema } from './checkEmbeddedSchema.ts';
import type { DefinitionProblem } from './definitionProblem.ts';
import { definitionSchema } from './definitionSchema.ts';
import { duplicateIds } from './duplicateIds.ts';
import { embeddedSchemas } from './embeddedSchemas.ts';
import { relevantErrors } from './relevantErrors.ts';
import { schemaErrorToProblem } from './schemaErrorToProblem.ts';
import type { DemarcheDefinition } from './types.ts';

let definitionValidator: ValidateFunction | undefined;

/**
 * Compiled once, on first use (~70 ms). Strict, so a mistake in our own schema fails
 * loudly; `discriminator` so a bad effect reports the errors of its own `type` only;
 * `verbose` so messages can list the allowed variants and suggest the property meant.
 */
function definitionValidatorOnce(): ValidateFunction {
  if (definitionValidator === undefined) {
    const ajv = new Ajv2020({
      allErrors: true,
      strict: true,
      // `then: { required: ['outcome'] }` names a property its parent declares.
      strictRequired: false,
      allowUnionTypes: true,
      discriminator: true,
      verbose: true,
    });
    addFormats(ajv);
    definitionValidator = ajv.compile(definitionSchema);
  }
  return definitionValidator;
}

/**
 * Checks a definition in the current format and returns it typed, or every problem
 * found: structure (the definition schema), duplicate ids, and each embedded JSON Schema
 * (form, page conditions and checks, guards, routing conditions, input forms) read and
 * compiled with the form dialect. The work is bounded: a document past
 * `DEFINITION_LIMITS` is refused with `TOO_LARGE` before anything else runs.
 * Older formats go through `loadDefinition`, which migrates first.
 *
 * @example
 * const result = validateDefinition(JSON.parse(text));
 * if (!result.ok) showProblems(result.error); // [{ code, pointer, message }, …]
 */
export function validateDefinition(json: unknown): Result<DemarcheDefinition, DefinitionProblem[]> {
  const tooLarge = checkBounds(json);
  if (tooLarge !== null) return err([tooLarge]);
  const problems: DefinitionProblem[] = [];
  const validate = definitionValidatorOnce();
  if (!validate(json)) {
    for (const error of relevantErrors(validate.errors ?? [])) {
      problems.push(schemaErrorToProblem(json, error));
    }
  }
  problems.push(...duplicateIds(json));
  // One instance per call, as the engine holds one per definition: nothing leaks between
  // definitions, and `$id` clashes inside one are caught.
  const ajv = createFormAjv();
  for (const embedded of embeddedSchemas(json))
    problems.push(...checkEmbeddedSchema(embedded, ajv));
  const unique = dedupe(problems);
  return unique.length === 0 ? ok(json as DemarcheDefinition) : err(unique);
}

function dedupe(problems: readonly DefinitionProblem[]): DefinitionProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.code}\u0000${problem.pointer}\u0000${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
