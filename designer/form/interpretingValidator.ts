import { ID_KEY, JUNK_OPTION_ID, type RJSFSchema, type ValidatorType } from '@rjsf/utils';
import { schemaHolds } from '../../shared/form/schemaHolds.ts';

/**
 * RJSF's validator for the studio's forms (the preview, the simulation's answers and
 * action inputs): `isValid` — how RJSF opens an `if` or picks a `oneOf` option — reads
 * the schema with `schemaHolds` (`@cfworker/json-schema`, which interprets it), since the
 * studio's page may not run generated code
 * (the citizen app gets validators the server compiled at publish, which a draft does not
 * have). References resolve in `root()`, the whole form as it is now, as the server
 * compiles them (RJSF's own root is a section's part of it); read at each call, so one
 * validator serves a form being edited and memoised sections need not re-render for a
 * new one. A condition that cannot be decided here stays closed. Validation proper is
 * the engine's, in the simulation worker: `validateFormData` reports nothing.
 *
 * @example
 * <PageForm validator={interpretingValidator(() => latest.current.form.schema)} … />
 */
export function interpretingValidator(root?: () => unknown): ValidatorType {
  return {
    isValid(schema: RJSFSchema, formData: unknown, rootSchema: RJSFSchema) {
      // RJSF's stand-in option, which must never match (as in its own validators).
      if (schema[ID_KEY] === JUNK_OPTION_ID) return false;
      return schemaHolds(schema, formData, root ? root() : rootSchema);
    },
    validateFormData: () => ({ errors: [], errorSchema: {} }),
    rawValidation: () => ({ errors: [] }),
  };
}
