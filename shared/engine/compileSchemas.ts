import type { ValidateFunction } from 'ajv';
import type { DemarcheDefinition, JsonSchema } from '../definition/types.ts';
import { createFormAjv } from '../form/index.ts';
import { compileGuard, type GuardCheck } from './compileGuard.ts';
import { type CompiledPage, compilePages } from './compilePages.ts';

/** Every JSON Schema of a definition, compiled to an ajv check. */
export interface CompiledSchemas {
  /** The citizen form schema, run by transitions that set `validateForm`. */
  form: ValidateFunction;
  /** Guards by transition id; transitions without a guard are absent. Never throw. */
  guards: ReadonlyMap<string, GuardCheck>;
  /** Agent form schemas by transition id; transitions without an input are absent. */
  inputs: ReadonlyMap<string, ValidateFunction>;
  /** The form's pages in order, their conditions and checks compiled. */
  pages: readonly CompiledPage[];
  /** Routing rules in order; `when: null` always matches. */
  routing: ReadonlyArray<{ unit: string; when: ValidateFunction | null }>;
}

/**
 * Compiles the form, guards, input schemas and routing conditions of a definition in
 * the form dialect of `shared/form` (`createFormAjv`: draft 2020-12, strict, every
 * error), the one the browser's form validator uses, so both agree on every dossier.
 * A schema outside that dialect throws: definitions are validated before they get here —
 * except guards, which cannot throw (`compileGuard`), so one bad guard in a stored
 * version blocks only its own transition.
 *
 * One ajv instance per definition, on purpose: ajv keeps every compiled schema for its
 * lifetime, so a shared instance would leak across definitions and reject two versions
 * that reuse a `$id`. The instance dies with the definition's cache entry.
 *
 * @example
 * const schemas = compileSchemas(socialAidDefinition);
 * schemas.guards.get('accepter')?.({ revenuMensuel: 900 }); // { kind: 'pass' }
 */
export function compileSchemas(definition: DemarcheDefinition): CompiledSchemas {
  const ajv = createFormAjv();
  const guards = new Map<string, GuardCheck>();
  const inputs = new Map<string, ValidateFunction>();
  for (const transition of definition.workflow.transitions) {
    if (transition.guard !== undefined)
      guards.set(transition.id, compileGuard(ajv, transition.guard));
    if (transition.input !== undefined) {
      inputs.set(transition.id, ajv.compile(closed(transition.input.schema)));
    }
  }
  return {
    form: ajv.compile(definition.form.schema),
    pages: compilePages(ajv, definition.form.pages),
    guards,
    inputs,
    routing: definition.routing.map((rule) => ({
      unit: rule.unit,
      when: rule.when === undefined ? null : ajv.compile(rule.when),
    })),
  };
}

/**
 * An agent's input is stored in the event log as given: keys the admin's schema does not
 * declare are refused (docs/SECURITY.md §10) rather than written. `unevaluatedProperties`
 * sees through `allOf`, so conditionals inside the schema still declare their fields.
 */
function closed(schema: JsonSchema): JsonSchema {
  return { allOf: [schema], unevaluatedProperties: false };
}
