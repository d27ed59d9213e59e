import type { LintContext } from './support/lintContext.ts';

/** `error` blocks publishing; `warning` is shown but lets the admin publish. */
export type Severity = 'error' | 'warning';

/** One finding of the linter, placed on the definition by a JSON pointer. */
export interface Diagnostic {
  /** Stable rule id (`dead-end`, `unknown-field`…): the designer keys help and filters on it. */
  rule: string;
  severity: Severity;
  /** RFC 6901 pointer into the definition, e.g. `/workflow/transitions/2/guard`. */
  pointer: string;
  /** Clear French, for a functional admin. */
  message: string;
}

/** Records a finding of the running rule; `severity` defaults to the rule's own. */
export type Report = (pointer: string, message: string, severity?: Severity) => void;

/**
 * One semantic check. Rules read the shared, precomputed `LintContext` and never
 * compile schemas, so the whole registry stays cheap enough to run on every keystroke.
 */
export interface LintRule {
  readonly id: string;
  readonly severity: Severity;
  /** One French sentence for the designer's rule list. */
  readonly description: string;
  check(context: LintContext, report: Report): void;
}
