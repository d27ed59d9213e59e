import {
  hashForSchema,
  ID_KEY,
  JUNK_OPTION_ID,
  type RJSFSchema,
  type ValidatorType,
} from '@rjsf/utils';
import type { ValidateFunction } from './pageErrors.ts';

/**
 * RJSF asks about the same conditions (the root's own `if`s) at every render of every
 * group, each time in a fresh copy (its reference resolution copies the schema): RJSF's
 * hash (a sorted JSON, then a character-by-character hash) took ~20 ms of a 900-field
 * form's first render. The hash is kept per object, and per plain JSON text for the
 * copies: `JSON.stringify` is native and a copy keeps its original's key order.
 */
const hashes = new WeakMap<object, string>();
const hashesOfText = new Map<string, string>();
/** Enough for every condition of the forms a page draws; past it the texts start over. */
const MAX_TEXTS = 2000;

function hashOf(schema: RJSFSchema): string {
  let hash = hashes.get(schema);
  if (hash !== undefined) return hash;
  const text = JSON.stringify(schema);
  hash = hashesOfText.get(text);
  if (hash === undefined) {
    hash = hashForSchema(schema);
    if (hashesOfText.size >= MAX_TEXTS) hashesOfText.clear();
    hashesOfText.set(text, hash);
  }
  hashes.set(schema, hash);
  return hash;
}

/** Validators of a published version, keyed as RJSF keys schemas (`$id` or hash). */
export type ValidatorMap = Readonly<Record<string, ValidateFunction>>;

/**
 * The validator of the whole answers. Pages ask for it at every render, that is after
 * every committed answer: hashing a long form's schema each time cost a few milliseconds
 * per commit at 900 fields, so it is hashed once per schema object.
 *
 * @example
 * const validateRoot = rootValidator(validators, view.form.schema);
 */
export function rootValidator(
  validators: ValidatorMap,
  schema: RJSFSchema,
): ValidateFunction | undefined {
  return validators[hashOf(schema)];
}

/**
 * RJSF's validator over the server's precompiled functions: it answers `isValid` (how
 * RJSF decides an `if` or picks a `oneOf` option) for any group's form, which carries the
 * root's own sub-schemas. Validation proper is the page container's (`pageErrors`, over
 * the whole answers), so `validateFormData` reports nothing: forms run with `noValidate`.
 * Unlike RJSF's `AJV8PrecompiledValidator`, it does not insist that each form's schema be
 * the root one, which is what lets each group be its own, small form.
 *
 * @example
 * <Form validator={precompiledValidator(await loadValidators(url))} noValidate … />
 */
export function precompiledValidator(validators: ValidatorMap): ValidatorType {
  return {
    isValid(schema: RJSFSchema, formData: unknown) {
      const key = (schema[ID_KEY] as string | undefined) ?? hashOf(schema);
      if (key === JUNK_OPTION_ID) return false;
      // A schema the server did not compile decides nothing: the condition stays closed,
      // and the server's own validation still has the last word.
      return validators[key]?.(formData) ?? false;
    },
    validateFormData: () => ({ errors: [], errorSchema: {} }),
    rawValidation: () => ({ errors: [] }),
  };
}
