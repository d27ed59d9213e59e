import type { LintRule } from '../types.ts';
import { computedCycle } from './computedCycle.ts';
import { deadEnd } from './deadEnd.ts';
import { duplicateId } from './duplicateId.ts';
import { duplicateTransition } from './duplicateTransition.ts';
import { fieldOnNoPage } from './fieldOnNoPage.ts';
import { finalWithoutOutcome } from './finalWithoutOutcome.ts';
import { incompleteDataSource } from './incompleteDataSource.ts';
import { initialNotDraft } from './initialNotDraft.ts';
import { inputNotAlwaysProvided } from './inputNotAlwaysProvided.ts';
import { invalidTemplate } from './invalidTemplate.ts';
import { invalidTestCase } from './invalidTestCase.ts';
import { noFinalState } from './noFinalState.ts';
import { noPathToFinal } from './noPathToFinal.ts';
import { outcomeOnNonFinal } from './outcomeOnNonFinal.ts';
import { ownerCannotAct } from './ownerCannotAct.ts';
import { requiredFieldAlwaysHidden } from './requiredFieldAlwaysHidden.ts';
import { routingWithoutDefault } from './routingWithoutDefault.ts';
import { slaOnFinal } from './slaOnFinal.ts';
import { submitWithoutValidation } from './submitWithoutValidation.ts';
import { timerOnFinal } from './timerOnFinal.ts';
import { timerWithoutSystem } from './timerWithoutSystem.ts';
import { transitionFromFinal } from './transitionFromFinal.ts';
import { transitionNobodyCanFire } from './transitionNobodyCanFire.ts';
import { unknownField } from './unknownField.ts';
import { unknownPlaceholder } from './unknownPlaceholder.ts';
import { unknownState } from './unknownState.ts';
import { unknownTemplate } from './unknownTemplate.ts';
import { unreachableRoutingRule } from './unreachableRoutingRule.ts';
import { unreachableState } from './unreachableState.ts';
import { unsatisfiableCondition } from './unsatisfiableCondition.ts';
import { unsatisfiableGuard } from './unsatisfiableGuard.ts';
import { unusedTemplate } from './unusedTemplate.ts';

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
  // Fields and conditions
  unknownField,
  requiredFieldAlwaysHidden,
  unsatisfiableGuard,
  computedCycle,
  unsatisfiableCondition,
  fieldOnNoPage,
  routingWithoutDefault,
  unreachableRoutingRule,
  // Templates
  invalidTemplate,
  unknownTemplate,
  unknownPlaceholder,
  inputNotAlwaysProvided,
  unusedTemplate,
  // Data sources and tests
  incompleteDataSource,
  invalidTestCase,
];
