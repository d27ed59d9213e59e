import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemarcheDefinition } from '../definition/types.ts';
import { socialAidDefinition } from '../testing/socialAidDefinition.ts';
import { compileDuration } from './compileDuration.ts';
import { dueTimers } from './dueTimers.ts';
import { stateTimers } from './stateTimers.ts';
import { dossierIn } from './testing/fixtures.ts';

describe('stateTimers', () => {
  it('lists each timer with the state it leaves', () => {
    expect(stateTimers(socialAidDefinition)).toEqual([
      {
        state: 'complement',
        stateKind: 'active',
        transition: 'expirer',
        after: 'P30D',
        latestEntry: expect.any(Function),
      },
    ]);
  });

  it('lists a global timer once per active state, never for drafts or final states', () => {
    const withReminder: DemarcheDefinition = {
      ...socialAidDefinition,
      workflow: {
        ...socialAidDefinition.workflow,
        transitions: [
          ...socialAidDefinition.workflow.transitions,
          {
            id: 'relancer',
            label: 'Relance',
            from: '*',
            to: 'depose',
            by: ['system'],
            after: 'P7D',
          },
        ],
      },
    };
    const reminders = stateTimers(withReminder).filter((t) => t.transition === 'relancer');
    expect(reminders.map((t) => t.state)).toEqual(['depose', 'en_instruction', 'complement']);
  });

  it('bounds the entries due at a time so that a database can select them by index', () => {
    const [timer] = stateTimers(socialAidDefinition);
    const now = new Date('2026-03-31T09:00:00.000Z');
    const bound = timer!.latestEntry(now);
    const due = dossierIn('complement', { enteredStateAt: '2026-03-01T09:00:00.000Z' });
    expect(dueTimers(socialAidDefinition, due)[0]!.at <= now.toISOString()).toBe(true);
    expect(new Date(due.enteredStateAt) <= bound).toBe(true);
  });
});

const DURATIONS = ['P1M', 'P1Y', 'P30D', 'P2W', 'P1M1D', 'P1Y2M3DT4H', 'PT48H', 'PT90M', '-P1D'];
const instant = fc
  .integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2030, 0, 1) })
  .map((ms) => new Date(ms));

// The bound is what keeps a due dossier from being missed: it must hold in the process
// time zone, DST changes included, not only in UTC.
for (const zone of ['UTC', 'Europe/Paris']) {
  describe(`CompiledDuration.startBound in ${zone}`, () => {
    const previous = process.env.TZ;
    beforeAll(() => {
      process.env.TZ = zone;
    });
    afterAll(() => {
      if (previous === undefined) delete process.env.TZ;
      else process.env.TZ = previous;
    });

    it('is no earlier than any start whose duration has elapsed by then', () => {
      fc.assert(
        fc.property(fc.constantFrom(...DURATIONS), instant, instant, (iso, start, end) => {
          const duration = compileDuration(iso);
          if (duration.addTo(start) <= end) expect(start <= duration.startBound(end)).toBe(true);
        }),
        { numRuns: 2000 },
      );
    });

    it('holds around month ends, where adding a month clamps', () => {
      const duration = compileDuration('P1M');
      for (const day of [28, 29, 30, 31]) {
        const start = new Date(2026, 0, day, 10);
        const end = duration.addTo(start);
        expect(end.getDate()).toBe(28);
        expect(start <= duration.startBound(end)).toBe(true);
      }
    });

    it('is exact for clock durations', () => {
      const end = new Date('2026-03-29T12:00:00.000Z');
      expect(compileDuration('PT48H').startBound(end).toISOString()).toBe(
        '2026-03-27T12:00:00.000Z',
      );
    });
  });
}
