import { describe, expect, it } from 'vitest';
import type { Role, TestCase } from '../../definition/types.ts';
import { lintRule, pointers } from '../testing/lintRule.ts';
import { invalidTestCase } from './invalidTestCase.ts';

const step = (transition: string, actor: Role, state: string) => ({
  transition,
  actor,
  expect: { state },
});
const happyPath: TestCase = {
  id: 'accord',
  name: 'Accord sous le plafond',
  data: {
    nom: 'Martin',
    prenom: 'Léa',
    email: 'lea@example.fr',
    revenuMensuel: 900,
    situation: 'seul',
  },
  steps: [
    step('deposer', 'applicant', 'depose'),
    step('prendre_en_charge', 'agent', 'en_instruction'),
    step('demander_complement', 'agent', 'complement'),
    step('expirer', 'system', 'refuse'),
  ],
};

describe('invalid-test-case', () => {
  it('accepts a test that follows the workflow', () => {
    expect(
      lintRule(invalidTestCase, (d) => {
        d.tests = [happyPath];
      }),
    ).toEqual([]);
  });

  it('flags wrong sources, actors and expectations', () => {
    const found = lintRule(invalidTestCase, (d) => {
      d.tests = [
        {
          ...happyPath,
          steps: [
            step('deposer', 'applicant', 'depose'),
            step('accepter', 'applicant', 'accepte'),
            step('retirer', 'applicant', 'refuse'),
          ],
        },
      ];
    });
    expect(pointers(found)).toEqual([
      '/tests/0/steps/1/transition',
      '/tests/0/steps/1/actor',
      '/tests/0/steps/2/transition',
      '/tests/0/steps/2/expect/state',
    ]);
    expect(found[0]?.message).toContain('ne part pas de l’état « Déposé » (depose)');
  });

  it('stops at an unknown transition', () => {
    const found = lintRule(invalidTestCase, (d) => {
      d.tests = [
        { ...happyPath, steps: [step('envoyer', 'applicant', 'depose'), step('x', 'agent', 'y')] },
      ];
    });
    expect(pointers(found)).toEqual(['/tests/0/steps/0/transition']);
  });
});
