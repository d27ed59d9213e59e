import { lintDefinition } from '../../shared/analysis/index.ts';
import type { DemarcheDefinition } from '../../shared/definition/index.ts';

/** One line of the lint panel: a linter diagnostic, or a structural problem found by the server. */
export interface LintItem {
  key: string;
  severity: 'error' | 'warning';
  pointer: string;
  message: string;
}

/**
 * What the lint panel lists: the linter run here on the draft being edited (pure and
 * cheap, so live at each edit), plus the structural problems of the last save (format
 * validation compiles schemas, which only the server does — the studio's CSP forbids
 * `new Function`) when they are about the draft still shown. Errors first.
 *
 * @example
 * studioLint(draft, saved?.problems ?? []).filter((item) => item.severity === 'error');
 */
export function studioLint(
  definition: DemarcheDefinition,
  serverProblems: ReadonlyArray<{ pointer: string; message: string }>,
): LintItem[] {
  const items: LintItem[] = serverProblems.map((problem, index) => ({
    key: `p${index}`,
    severity: 'error',
    pointer: problem.pointer,
    message: problem.message,
  }));
  lintDefinition(definition).forEach((diagnostic, index) => {
    items.push({
      key: `d${index}-${diagnostic.rule}`,
      severity: diagnostic.severity,
      pointer: diagnostic.pointer,
      message: diagnostic.message,
    });
  });
  return items.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}
