/**
 * The form dialect (JSON Schema draft 2020-12, strict) and its French messages: what
 * others may import from `shared/form`. Pure, so the browser uses it as the server does.
 */
export { ajvErrorsToFieldErrors, type FieldErrors } from './ajvErrorsToFieldErrors.ts';
export {
  addFormDialect,
  createFormAjv,
  FORM_AJV_OPTIONS,
  FORM_DIALECT,
} from './createFormAjv.ts';
export { errorFieldPath } from './errorFieldPath.ts';
export { fieldErrorMessage } from './fieldErrorMessage.ts';
export { isSafePattern } from './isSafePattern.ts';
