/**
 * Our accessible RJSF 6 theme and the pieces around it, shared by the citizen app and the
 * studio's preview: what others may import from `runtime/web/forms`.
 */
export { ErrorSummary } from './ErrorSummary.tsx';
export { fieldLabel } from './fieldLabel.ts';
export { checkFileBeforeUpload, describeSize } from './fields/checkFileBeforeUpload.ts';
export type { UploadedFile } from './fields/uploadAttachment.ts';
export { focusField } from './focusField.ts';
export type {
  GuichetFormContext,
  SafeChooser,
  SourceEntry,
  SourceSearch,
} from './formContext.ts';
export { formSteps, WHOLE_FORM_STEP } from './formSteps.ts';
export { formTheme } from './formTheme.ts';
export { frenchStrings } from './frenchStrings.ts';
export { type LazyPart, lazyPart } from './lazyPart.tsx';
export { loadValidators } from './loadValidators.ts';
export { PageForm, type PageFormProps } from './PageForm.tsx';
export { type PageError, pageErrors, type ValidateFunction } from './pageErrors.ts';
export { precompiledValidator, rootValidator, type ValidatorMap } from './precompiledValidator.ts';
export { type FormSource, withSourcedFields } from './sourceFieldUi.ts';
export { submitAction } from './submitAction.ts';
export { toPageErrors } from './toPageErrors.ts';
export {
  type DossierFormInput,
  type DossierFormView,
  useDossierFormParts,
} from './useDossierFormParts.ts';
export { useStepErrors } from './useStepErrors.ts';
