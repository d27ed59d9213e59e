/**
 * The pure workflow engine: what others may import from `shared/engine`.
 * Given a definition, a dossier snapshot and an actor, it lists the allowed actions and
 * computes one transition's outcome as data; the runtime persists and performs it.
 */
// Moved to `shared/form`, the one form dialect; re-exported so callers keep working.
export { ajvErrorsToFieldErrors, type FieldErrors } from '../form/index.ts';
export { ajvErrorsToGuardFailures } from './ajvErrorsToGuardFailures.ts';
export { allowedActions } from './allowedActions.ts';
export { apply } from './apply.ts';
export { checkPage, type PageCheck } from './checkPage.ts';
export { checkTransitionRules, TRANSITION_RULE } from './checkTransitionRules.ts';
export { compileDefinition } from './compileDefinition.ts';
export { type DueTimer, dueTimers } from './dueTimers.ts';
export { type PageVisibility, pageVisibility } from './pageVisibility.ts';
export { routeDossier } from './routeDossier.ts';
export { runTestCase, type TestCaseOutcome, type TestStepOutcome } from './runTestCase.ts';
export { type StateTimer, stateTimers } from './stateTimers.ts';
export { checkSubmission } from './submissionCheck.ts';
export { SYSTEM_ACTOR } from './systemActor.ts';
export type {
  Actor,
  AllowedAction,
  ApplyOutcome,
  DossierEvent,
  DossierSnapshot,
  EngineAction,
  EngineError,
  GuardFailure,
  PendingEffect,
} from './types.ts';
