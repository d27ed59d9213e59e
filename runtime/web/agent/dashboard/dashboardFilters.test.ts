import { describe, expect, it } from 'vitest';
import { dashboardFiltersOf, dashboardSearchOf, figuresInputOf } from './dashboardFilters.ts';

describe('dashboard filters in the address', () => {
  it('reads a month or a pair of days, and drops malformed values', () => {
    expect(dashboardFiltersOf('?niveau=ur-ara&mois=2026-03')).toEqual({
      demarcheId: undefined,
      unit: 'ur-ara',
      month: '2026-03',
      from: undefined,
      to: undefined,
    });
    expect(dashboardFiltersOf('?mois=2026-13&du=2026-01-10')).toMatchObject({
      month: undefined,
      from: undefined,
    });
    expect(dashboardFiltersOf('?mois=2026-03&du=2026-01-10&au=2026-02-05')).toMatchObject({
      month: undefined,
      from: '2026-01-10',
      to: '2026-02-05',
    });
  });

  it('writes back what it reads', () => {
    const search = '?demarche=d1&niveau=ul-lyon-sante&du=2026-01-10&au=2026-02-05';
    expect(dashboardSearchOf(dashboardFiltersOf(search))).toBe(search);
    expect(dashboardSearchOf({})).toBe('');
  });

  it('turns a month into its first and last days, leap years included', () => {
    expect(figuresInputOf({ month: '2028-02', unit: 'ur-idf' })).toEqual({
      unit: 'ur-idf',
      period: { from: '2028-02-01', to: '2028-02-29' },
    });
    expect(figuresInputOf({})).toEqual({});
  });
});
