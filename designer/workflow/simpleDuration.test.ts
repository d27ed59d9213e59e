import { describe, expect, it } from 'vitest';
import { definitionSchema } from '../../shared/definition/index.ts';
import {
  DURATION_UNITS,
  describeDuration,
  isoOfSimpleDuration,
  simpleDurationOf,
} from './simpleDuration.ts';

describe('simple durations', () => {
  it('round-trips every unit through a duration the format accepts', () => {
    const pattern = new RegExp(definitionSchema.$defs.isoDuration.pattern);
    for (const { unit } of DURATION_UNITS) {
      const iso = isoOfSimpleDuration({ amount: 12, unit })!;
      expect(iso).toMatch(pattern);
      expect(simpleDurationOf(iso)).toEqual({ amount: 12, unit });
    }
  });

  it('leaves composite durations as written and clears on an empty amount', () => {
    expect(simpleDurationOf('P1Y2M')).toBeNull();
    expect(simpleDurationOf('PT30M')).toBeNull();
    expect(isoOfSimpleDuration({ amount: 0, unit: 'D' })).toBeUndefined();
    expect(isoOfSimpleDuration({ amount: 1.5, unit: 'D' })).toBeUndefined();
  });
});

describe('describeDuration', () => {
  it('reads a duration in French', () => {
    expect(describeDuration('P30D')).toBe('30 jours');
    expect(describeDuration('P1M')).toBe('1 mois');
    expect(describeDuration('PT1H')).toBe('1 heure');
    expect(describeDuration('P1Y2M')).toBe('P1Y2M');
  });
});
