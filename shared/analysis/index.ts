/**
 * Static analysis of démarche definitions: what others may import from `shared/analysis`.
 * The designer shows `lintDefinition`'s diagnostics live; publishing refuses a definition
 * while `canPublish` is false.
 */
export { canPublish } from './canPublish.ts';
export { type LintOptions, lintDefinition } from './lintDefinition.ts';
export { LINT_RULES } from './rules/registry.ts';
export type { LintContext } from './support/lintContext.ts';
export { DOSSIER_PLACEHOLDERS, TEMPLATE_ROOTS } from './support/templatePlaceholders.ts';
export type { Diagnostic, LintRule, Report, Severity } from './types.ts';
