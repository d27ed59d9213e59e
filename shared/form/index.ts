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
export { FILE_FIELD_KEYWORD, FILE_FIELD_OPTIONS_SCHEMA } from './fileFieldKeyword.ts';
export type { FileFieldDeclaration, FileFieldOptions, FileFieldValue } from './fileFields.ts';
export { fileFieldAt, fileFieldsOf, fileValuesOf } from './fileFields.ts';
export {
  acceptsType,
  DETECTABLE_FILE_TYPES,
  describeAccept,
  detectableTypesOf,
  MAX_ATTACHMENT_BYTES,
} from './fileTypes.ts';
export { FRENCH_FORMAT_NAMES, frenchFormats } from './frenchFormats.ts';
export { schemaHolds } from './schemaHolds.ts';
export type { SourcedFieldDeclaration, SourcedFieldValue } from './sourcedFields.ts';
export { sourcedFieldsOf, sourcedValuesOf } from './sourcedFields.ts';
export {
  SOURCE_FIELD_KEYWORD,
  SOURCE_FIELD_SCHEMA,
  sourceFieldKeyword,
} from './sourceFieldKeyword.ts';
