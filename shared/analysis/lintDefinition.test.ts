import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { socialAidDefinition } from '../testing/socialAidDefinition.ts';
import { canPublish } from './canPublish.ts';
import { lintDefinition } from './lintDefinition.ts';
import { LINT_RULES } from './rules/registry.ts';
import type { LintRule } from './types.ts';

describe('lintDefinition', () => {
  it('finds nothing to report in the sample', () => {
    const found = lintDefinition(socialAidDefinition);
    expect(found).toEqual([]);
    expect(canPublish(found)).toBe(true);
  });

  it('reports every problem of a broken definition, blocking its publication', () => {
    const definition = structuredClone(socialAidDefinition);
    definition.workflow.transitions[5]!.to = 'accorde';
    definition.workflow.transitions[5]!.guard = { properties: { revenu: { maximum: 1500 } } };
    definition.letters[0]!.body = '{{ data.nomm }}';
    // Printed by the timer `expirer`, which asks for no reason.
    definition.letters[1]!.body = 'Refus. Motif : {{ input.motif }}';
    const rules = lintDefinition(definition).map((d) => `${d.severity} ${d.rule}`);
    expect(rules).toEqual([
      'error unknown-state',
      'error unreachable-state', // « Accepté » was only reached by `accepter`
      'error unknown-field',
      'error unknown-field',
      'warning input-not-always-provided',
    ]);
    expect(canPublish(lintDefinition(definition))).toBe(false);
  });

  it('turns a rule that throws into a blocking diagnostic, and runs the others', () => {
    const broken: LintRule = {
      id: 'broken',
      severity: 'warning',
      description: 'x',
      check() {
        throw new Error('boom');
      },
    };
    const found = lintDefinition(socialAidDefinition, { rules: [broken, LINT_RULES[0]!] });
    expect(found).toMatchObject([{ rule: 'lint-rule-failed', severity: 'error', pointer: '' }]);
    expect(found[0]?.message).toContain('« broken »');
  });

  it('lets a rule override its severity per finding', () => {
    const rule: LintRule = {
      id: 'r',
      severity: 'warning',
      description: 'x',
      check: (_, report) => {
        report('/a', 'un');
        report('/b', 'deux', 'error');
      },
    };
    expect(lintDefinition(socialAidDefinition, { rules: [rule] }).map((d) => d.severity)).toEqual([
      'warning',
      'error',
    ]);
  });
});

describe('the rule registry', () => {
  it('has unique, kebab-case ids and a French description for each rule', () => {
    const ids = LINT_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of LINT_RULES) {
      expect(rule.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(rule.description.length).toBeGreaterThan(10);
    }
  });

  it('registers every rule file of the rules folder', () => {
    const files = readdirSync(new URL('./rules/', import.meta.url)).filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'registry.ts',
    );
    expect(LINT_RULES).toHaveLength(files.length);
  });
});
