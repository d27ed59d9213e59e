import { describe, expect, it } from 'vitest';
import { holidayAidDefinition } from '../testing/holidayAidDefinition.ts';
import { lintDefinition } from './lintDefinition.ts';

describe('a démarche using computed values, form rules and conditional effects', () => {
  it('lints without an error or a warning', () => {
    expect(lintDefinition(holidayAidDefinition)).toEqual([]);
  });
});
