import type { Diagnostic } from '../../../shared/analysis/index.ts';
import type { DemarcheDefinition } from '../../../shared/definition/index.ts';
import { runTestCase } from '../../../shared/engine/index.ts';

/**
 * The admin's saved test cases, played through the engine (`runTestCase`) as of `now`:
 * one error per failing case, at its first failing step, so a démarche whose own tests
 * fail can be neither shown as ready nor published.
 *
 * @example
 * testCaseDiagnostics(definition, ctx.now);
 * // [{ rule: 'failing-test-case', pointer: '/tests/0/steps/1', message: 'Le test « … » échoue …' }]
 */
export function testCaseDiagnostics(definition: DemarcheDefinition, now: Date): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const [index, testCase] of (definition.tests ?? []).entries()) {
    const outcome = runTestCase(definition, testCase, now);
    if (outcome.passed) continue;
    const failing = outcome.steps.findIndex((step) => step.mismatches.length > 0);
    const at = failing === -1 ? outcome.steps.length : failing;
    const reasons = outcome.steps[at]?.mismatches.join(' ') ?? 'le test s’arrête avant la fin.';
    diagnostics.push({
      rule: 'failing-test-case',
      severity: 'error',
      pointer: `/tests/${index}/steps/${at}`,
      message: `Le test « ${testCase.name} » échoue à l’étape ${at + 1} : ${reasons}`,
    });
  }
  return diagnostics;
}
