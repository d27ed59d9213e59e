import { beforeAll, expect, it } from 'vitest';
import { describeOnEachDriver } from '../../db/testing/index.ts';
import type { EnqueueEffects } from '../core/enqueuePort.ts';
import { actOnDossier, saveDraft } from '../dossiers/index.ts';
import {
  contextOf,
  expectOk,
  jobsOf,
  VALID_SOCIAL_AID,
} from '../dossiers/testing/dossierTestKit.ts';
import { enqueueEffects, ensureJobSchema } from '../effects/index.ts';
import { type SeededTenant, seedTenant } from '../testing/seedTenant.ts';
import { createTestClock } from '../testing/testClock.ts';
import { fireDueTimers } from './fireDueTimers.ts';
import {
  auditOf,
  DAY_MS,
  dossierNow,
  guardedTimerDefinition,
  seedWaitingDossier,
  transitionsOf,
} from './testing/timerWorld.ts';
import type { TimerLogEntry } from './timerLog.ts';

// Every test shares the database, and a run fires the due timers of every tenant: each
// test asserts on its own dossiers, and moves the clock forward only.
describeOnEachDriver('fireDueTimers', (database) => {
  let world: SeededTenant;
  const clock = createTestClock(new Date('2026-03-01T09:00:00.000Z'));
  const logs: TimerLogEntry[] = [];
  const db = () => database().db;

  function run(enqueue: EnqueueEffects = enqueueEffects) {
    return fireDueTimers({
      database: database(),
      clock: clock.now,
      enqueue,
      limit: 2,
      log: (entry) => logs.push(entry),
    });
  }

  /** What the runs logged about one dossier: `fired`, `stale GUARD_FAILED`, … */
  const outcomesOf = (id: string) =>
    logs
      .filter((entry) => entry.dossierId === id)
      .map(
        (entry) => `${entry.message.replace('timer ', '')}${entry.code ? ` ${entry.code}` : ''}`,
      );

  /** Seeds a dossier that entered `complement` `daysAgo` days before the clock. */
  const waiting = (daysAgo: number, data?: Record<string, unknown>, on = world) =>
    seedWaitingDossier(db(), on, {
      enteredAt: new Date(clock.now().getTime() - daysAgo * DAY_MS),
      ...(data === undefined ? {} : { data }),
    });

  beforeAll(async () => {
    await ensureJobSchema(database());
    world = await seedTenant(db());
  });

  it('fires a timer whose delay ran out, as the system, through the agents’ path', async () => {
    const id = await waiting(0);
    clock.advance(30 * DAY_MS); // exactly P30D later: due

    expect(await run()).toEqual({ fired: 1, stale: 0, skipped: 0, failed: 0 });

    const now = clock.now();
    expect(await dossierNow(db(), id)).toEqual({
      state: 'refuse',
      revision: 4,
      enteredStateAt: now,
    });
    const [event, ...more] = await transitionsOf(db(), id);
    expect(more).toEqual([]);
    expect(event).toMatchObject({
      actorId: null,
      at: now,
      payload: { transition: 'expirer', from: 'complement', to: 'refuse', input: {} },
    });
    expect(event?.requestId).toMatch(/^timers:/);
    expect(await auditOf(db(), id)).toEqual([
      {
        actor: 'system',
        action: 'dossier.transition',
        details: { transition: 'expirer', from: 'complement', to: 'refuse', revision: 4 },
        requestId: event?.requestId,
      },
    ]);
    expect(await jobsOf(database(), id)).toEqual([{ name: 'effect-letter', type: 'letter' }]);

    // Run again: nothing left to do for this dossier.
    clock.advance(60_000);
    await run();
    expect(await transitionsOf(db(), id)).toHaveLength(1);
    expect(outcomesOf(id)).toEqual(['fired']);
  });

  it('leaves a dossier whose delay has not run out yet', async () => {
    const id = await waiting(0);
    clock.advance(30 * DAY_MS - 1_000);
    await run();
    expect(await dossierNow(db(), id)).toMatchObject({ state: 'complement', revision: 3 });
    expect(await transitionsOf(db(), id)).toEqual([]);

    clock.advance(1_000);
    await run();
    expect(await dossierNow(db(), id)).toMatchObject({ state: 'refuse', revision: 4 });
  });

  it('leaves a dossier that left the state before its delay ran out', async () => {
    const id = await waiting(10);
    const citizen = contextOf(db(), world, 'citizen', clock.now());
    const completed = { id, transition: 'completer', revision: 3 };
    expectOk(await actOnDossier(citizen, completed, enqueueEffects));
    clock.advance(25 * DAY_MS); // 35 days after it entered `complement`, 25 after it left

    await run();

    expect(await dossierNow(db(), id)).toMatchObject({ state: 'en_instruction', revision: 4 });
    const transitions = await transitionsOf(db(), id);
    expect(transitions.map((t) => t.payload['transition'])).toEqual(['completer']);
    expect(outcomesOf(id)).toEqual([]);
  });

  it('fires each due timer once when two runs race', async () => {
    const ids = await Promise.all([40, 39, 38, 37, 36].map((days) => waiting(days)));

    const [first, second] = await Promise.all([run(), run()]);

    expect(first.failed + second.failed).toBe(0);
    for (const id of ids) {
      expect(await transitionsOf(db(), id)).toHaveLength(1);
      expect(await dossierNow(db(), id)).toMatchObject({ state: 'refuse', revision: 4 });
      expect(await auditOf(db(), id)).toHaveLength(1);
      expect(await jobsOf(database(), id)).toHaveLength(1);
      // The loser found the dossier moved on: "already done", not an error.
      const outcomes = outcomesOf(id);
      expect(outcomes.filter((outcome) => outcome === 'fired')).toHaveLength(1);
      expect(outcomes.filter((outcome) => outcome !== 'fired').every(isStale)).toBe(true);
    }
  });

  it('skips a dossier whose timer guard fails and fires the others', async () => {
    const guarded = await seedTenant(db(), { definition: guardedTimerDefinition });
    const { email: _email, ...withoutEmail } = VALID_SOCIAL_AID;
    const blocked = await waiting(33, withoutEmail, guarded);
    const others = await Promise.all(
      [32, 31].map((days) => waiting(days, { ...VALID_SOCIAL_AID }, guarded)),
    );

    await run();

    expect(await dossierNow(db(), blocked)).toMatchObject({ state: 'complement', revision: 3 });
    expect(outcomesOf(blocked)).toEqual(['skipped GUARD_FAILED']);
    for (const id of others) {
      expect(await dossierNow(db(), id)).toMatchObject({ state: 'refuse' });
    }

    // Tried again at every run, and fired once its data lets it.
    await run();
    expect(outcomesOf(blocked)).toEqual(['skipped GUARD_FAILED', 'skipped GUARD_FAILED']);
    const applicant = contextOf(db(), guarded, 'citizen', clock.now());
    const completed = { id: blocked, data: { ...VALID_SOCIAL_AID }, revision: 3 };
    expectOk(await saveDraft(applicant, completed));
    await run();
    expect(await dossierNow(db(), blocked)).toMatchObject({ state: 'refuse' });
  });

  it('contains a dossier whose firing fails: rolled back, logged, the others fired', async () => {
    const broken = await waiting(45);
    const fine = await waiting(44);
    const failingFor: EnqueueEffects = async (tx, request) => {
      if (request.dossierId === broken) throw new Error('le serveur de files ne répond pas');
      return enqueueEffects(tx, request);
    };

    const summary = await run(failingFor);

    expect(summary.failed).toBe(1);
    expect(await dossierNow(db(), broken)).toMatchObject({ state: 'complement', revision: 3 });
    expect(await transitionsOf(db(), broken)).toEqual([]);
    expect(await jobsOf(database(), broken)).toEqual([]);
    expect(logs.find((entry) => entry.dossierId === broken)).toMatchObject({ level: 'error' });
    expect(await dossierNow(db(), fine)).toMatchObject({ state: 'refuse' });

    await run();
    expect(await dossierNow(db(), broken)).toMatchObject({ state: 'refuse', revision: 4 });
  });
});

function isStale(outcome: string): boolean {
  return outcome.startsWith('stale ');
}
