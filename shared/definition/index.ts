/**
 * The démarche definition format: what others may import from `shared/definition`.
 * Types, the format's own JSON Schema, and the way in for a stored document:
 * `loadDefinition` = `migrateDefinition` (older formats) + `validateDefinition`.
 */

export { closestName } from './closestName.ts';
export { DEFINITION_LIMITS } from './definitionLimits.ts';
export type { DefinitionProblem, DefinitionProblemCode } from './definitionProblem.ts';
export { definitionSchema } from './definitionSchema.ts';
export type { DemarcheDefinitionV1 } from './definitionV1.ts';
export { describeLocation } from './describeLocation.ts';
export { pointerSegments, pointerTo } from './jsonPointer.ts';
export { loadDefinition } from './loadDefinition.ts';
export { migrateDefinition } from './migrateDefinition.ts';
export {
  type ComputedField,
  type DataSource,
  DEFINITION_FORMAT_VERSION,
  type DemarcheAccess,
  type DemarcheDefinition,
  type DemarcheMeta,
  type EditableRule,
  type Effect,
  type EffectAction,
  type Extensions,
  type FormDefinition,
  type FormPage,
  type FormRule,
  type FormSection,
  type IsoDuration,
  type JsonSchema,
  type LetterTemplate,
  type NodePosition,
  type NotificationTemplate,
  type Outcome,
  type Priority,
  type Recipient,
  ROLES,
  type Role,
  type RoutingRule,
  type StaffFiling,
  type StateDefinition,
  type StateKind,
  type TestCase,
  type TestStep,
  type TransitionDefinition,
  type UiSchema,
  type Viewport,
  type WorkflowDefinition,
  type WorkflowLayout,
} from './types.ts';
export { type UnitReference, unitReferences } from './unitReferences.ts';
export { validateDefinition } from './validateDefinition.ts';
export { EFFECT_TYPES } from './workflowSchema.ts';
