import { describe, expect, it } from 'vitest';
import { parisMidnight, parisPeriod, parisWeek } from './parisPeriod.ts';

describe('Paris periods', () => {
  it('finds midnight in Paris in winter and in summer time', () => {
    expect(parisMidnight('2026-01-15').toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(parisMidnight('2026-07-01').toISOString()).toBe('2026-06-30T22:00:00.000Z');
    // The days the clocks change: the change is at night, midnight keeps the day's start offset.
    expect(parisMidnight('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(parisMidnight('2026-10-25').toISOString()).toBe('2026-10-24T22:00:00.000Z');
  });

  it('defaults to the Paris month of now, whatever the UTC date says', () => {
    expect(parisPeriod(new Date('2026-03-31T22:30:00Z'))).toEqual({
      from: '2026-04-01',
      to: '2026-04-30',
      start: new Date('2026-03-31T22:00:00Z'),
      end: new Date('2026-04-30T22:00:00Z'),
    });
    expect(parisPeriod(new Date('2026-02-10T10:00:00Z'))).toMatchObject({
      from: '2026-02-01',
      to: '2026-02-28',
    });
    expect(parisPeriod(new Date('2026-12-31T12:00:00Z'))).toMatchObject({
      from: '2026-12-01',
      to: '2026-12-31',
      end: new Date('2026-12-31T23:00:00Z'),
    });
  });

  it('takes given days, the last one included', () => {
    const period = parisPeriod(new Date(), { from: '2026-03-02', to: '2026-03-02' });
    expect(period.start.toISOString()).toBe('2026-03-01T23:00:00.000Z');
    expect(period.end.toISOString()).toBe('2026-03-02T23:00:00.000Z');
  });

  it('gives the Paris week, Monday to Sunday, holding now', () => {
    // Sunday 19 April, 23:30 in UTC is Monday 20 April, 01:30 in Paris: a new week.
    expect(parisWeek(new Date('2026-04-19T23:30:00Z'))).toEqual({
      from: '2026-04-20',
      to: '2026-04-26',
      start: new Date('2026-04-19T22:00:00Z'),
      end: new Date('2026-04-26T22:00:00Z'),
    });
    // A Sunday belongs to the week that began six days before.
    expect(parisWeek(new Date('2026-04-19T12:00:00Z'))).toMatchObject({
      from: '2026-04-13',
      to: '2026-04-19',
    });
    // A week across the change to winter time and across a month's end.
    const autumn = parisWeek(new Date('2026-10-28T10:00:00Z'));
    expect(autumn).toMatchObject({ from: '2026-10-26', to: '2026-11-01' });
    expect(autumn.start.toISOString()).toBe('2026-10-25T23:00:00.000Z');
    expect(autumn.end.toISOString()).toBe('2026-11-01T23:00:00.000Z');
    const spring = parisWeek(new Date('2026-03-25T10:00:00Z'));
    expect(spring).toMatchObject({ from: '2026-03-23', to: '2026-03-29' });
    expect(spring.end.toISOString()).toBe('2026-03-29T22:00:00.000Z');
  });
});
