import { describe, expect, it } from 'vitest';
import { lintRule } from '../testing/lintRule.ts';
import { inputNotAlwaysProvided } from './inputNotAlwaysProvided.ts';

describe('input-not-always-provided', () => {
  it('warns when the timer `expirer` sends a refusal letter that prints the reason it never asks for', () => {
    const found = lintRule(inputNotAlwaysProvided, (d) => {
      d.letters[1]!.body = 'Refus. Motif : {{ input.motif }}';
    });
    expect(found).toMatchObject([{ severity: 'warning', pointer: '/letters/1/body' }]);
    expect(found[0]?.message).toContain('la transition « Classer faute de complément » (expirer)');
  });

  it('accepts a template that provides for the missing input', () => {
    for (const body of [
      'Refus.{% if input.motif %} Motif : {{ input.motif }}{% endif %}',
      'Refus. Motif : {{ input.motif | default: "délai dépassé" }}',
    ]) {
      expect(
        lintRule(inputNotAlwaysProvided, (d) => {
          d.letters[1]!.body = body;
        }),
      ).toEqual([]);
    }
  });
});
