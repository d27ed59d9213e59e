import type { LintRule } from '../types.ts';
import { anonymousApplicantMail } from './anonymousApplicantMail.ts';
import { computedCycle } from './computedCycle.ts';
import { deadEnd } from './deadEnd.ts';
import { duplicateId } from './duplicateId.ts';
import { duplicateTransition } from './duplicateTransition.ts';
import { expressionTypeMismatch } from './expressionTypeMismatch.ts';
import { fieldOnNoPage } from './fieldOnNoPage.ts';
import { fileFieldWithoutAccept } from './fileFieldWithoutAccept.ts';
import { fileSizeOverCap } from './fileSizeOverCap.ts';
import { finalWithoutOutcome } from './finalWithoutOutcome.ts';
import { incompleteDataSource } from './incompleteDataSource.ts';
import { initialNotDraft } from './initialNotDraft.ts';
import { inputNotAlwaysProvided } from './inputNotAlwaysProvided.ts';
import { insecureDataSourceUrl } from './insecureDataSourceUrl.ts';
import { invalidExpression } from './invalidExpression.ts';
import { invalidTemplate } from './invalidTemplate.ts';
import { invalidTestCase } from './invalidTestCase.ts';
import { labelFilterField } from './labelFilterField.ts';
import { noFinalState } from './noFinalState.ts';
import { noPathToFinal } from './noPathToFinal.ts';
import { outcomeOnNonFinal } from './outcomeOnNonFinal.ts';
import { ownerCannotAct } from './ownerCannotAct.ts';
import { positionOfUnknownState } from './positionOfUnknownState.ts';
import { recipientField } from './recipientField.ts';
import { requiredFieldAlwaysHidden } from './requiredFieldAlwaysHidden.ts';
import { routingWithoutDefault } from './routingWithoutDefault.ts';
import { ruleOnHiddenField } from './ruleOnHiddenField.ts';
import { slaOnFinal } from './slaOnFinal.ts';
import { staffFilingWithoutSubmit } from './staffFilingWithoutSubmit.ts';
import { submitWithoutValidation } from './submitWithoutValidation.ts';
import { timerOnFinal } from './timerOnFinal.ts';
import { timerWithoutSystem } from './timerWithoutSystem.ts';
import { transitionFromFinal } from './transitionFromFinal.ts';
import { transitionNobodyCanFire } from './transitionNobodyCanFire.ts';
import { undetectableFileType } from './undetectableFileType.ts';
import { unitFromInput } from './unitFromInput.ts';
import { unknownDataSource } from './unknownDataSource.ts';
import { unknownField } from './unknownField.ts';
import { unknownMilestone } from './unknownMilestone.ts';
import { unknownPlaceholder } from './unknownPlaceholder.ts';
import { unknownState } from './unknownState.ts';
import { unknownTemplate } from './unknownTemplate.ts';
import { unknownTemplateFilter } from './unknownTemplateFilter.ts';
import { unreachableRoutingRule } from './unreachableRoutingRule.ts';
import { unreachableState } from './unreachableState.ts';
import { unsatisfiableCondition } from './unsatisfiableCondition.ts';
import { unsatisfiableGuard } from './unsatisfiableGuard.ts';
import { unusedTemplate } from './unusedTemplate.ts';
import { writeTarget } from './writeTarget.ts';

/**
 * Every rule `lintDefinition` runs, in report order: the workflow's shape first, then
 * fields and conditions, templates, data sources and tests — blocking rules before the
 * advisory ones within each group. A new rule is one file in this folder plus one line
 * here; its id is a stable contract with the designer.
 */
export const LINT_RULES: readonly LintRule[] = [
  // Workflow
  duplicateId,
  unknownState,
  noFinalState,
  finalWithoutOutcome,
  unreachableState,
  deadEnd,
  transitionNobodyCanFire,
  initialNotDraft,
  outcomeOnNonFinal,
  noPathToFinal,
  transitionFromFinal,
  timerOnFinal,
  timerWithoutSystem,
  duplicateTransition,
  ownerCannotAct,
  submitWithoutValidation,
  slaOnFinal,
  unknownMilestone,
  writeTarget,
  unitFromInput,
  recipientField,
  anonymousApplicantMail,
  staffFilingWithoutSubmit,
  positionOfUnknownState,
  // Fields and conditions
  unknownField,
  requiredFieldAlwaysHidden,
  unsatisfiableGuard,
  computedCycle,
  invalidExpression,
  ruleOnHiddenField,
  expressionTypeMismatch,
  unsatisfiableCondition,
  fieldOnNoPage,
  routingWithoutDefault,
  unreachableRoutingRule,
  undetectableFileType,
  fileSizeOverCap,
  fileFieldWithoutAccept,
  // Templates
  invalidTemplate,
  unknownTemplateFilter,
  unknownTemplate,
  unknownPlaceholder,
  inputNotAlwaysProvided,
  labelFilterField,
  unusedTemplate,
  // Data sources and tests
  incompleteDataSource,
  insecureDataSourceUrl,
  unknownDataSource,
  invalidTestCase,
];
