import type { ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { DemarcheDefinition } from '../definition/types.ts';

/** Every JSON Schema of a definition, compiled to an ajv check. */
export interface CompiledSchemas {
  /** The citizen form schema, run by transitions that set `validateForm`. */
  form: ValidateFunction;
  /** Guards by transition id; transitions without a guard are absent. */
  guards: ReadonlyMap<string, ValidateFunction>;
  /** Agent form schemas by transition id; transitions without an input are absent. */
  inputs: ReadonlyMap<string, ValidateFunction>;
  /** Routing rules in order; `when: null` always matches. */
  routing: ReadonlyArray<{ unit: string; when: ValidateFunction | null }>;
}

/**
 * Compiles the form, guards, input schemas and routing conditions of a definition.
 *
 * One ajv instance per definition, on purpose: ajv keeps every compiled schema for its
 * lifetime, so a shared instance would leak across definitions and reject two versions
 * that reuse a `$id`. The instance dies with the definition's cache entry.
 * `strict: false` because data schemas carry annotations (`title`, `ui:*`) ajv does not
 * know; `allErrors` so a form lists every problem, not only the first.
 *
 * TODO(lead): unify with the form-dialect factory of `shared/form/` once it exists.
 *
 * @example
 * const schemas = compileSchemas(socialAidDefinition);
 * schemas.guards.get('accepter')?.({ revenuMensuel: 900 }); // true
 */
export function compileSchemas(definition: DemarcheDefinition): CompiledSchemas {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const guards = new Map<string, ValidateFunction>();
  const inputs = new Map<string, ValidateFunction>();
  for (const transition of definition.workflow.transitions) {
    if (transition.guard !== undefined) guards.set(transition.id, ajv.compile(transition.guard));
    if (transition.input !== undefined) {
      inputs.set(transition.id, ajv.compile(transition.input.schema));
    }
  }
  return {
    form: ajv.compile(definition.form.schema),
    guards,
    inputs,
    routing: definition.routing.map((rule) => ({
      unit: rule.unit,
      when: rule.when === undefined ? null : ajv.compile(rule.when),
    })),
  };
}
