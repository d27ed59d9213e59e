import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/index.ts';
import { openTestDatabase } from '../../db/testing/index.ts';
import type { EnqueueEffects } from '../core/enqueuePort.ts';
import { enqueueEffects, ensureJobSchema } from '../effects/index.ts';
import { type SeededTenant, seedTenant } from '../testing/seedTenant.ts';
import { createTestClock } from '../testing/testClock.ts';
import { type RunningTimerLoop, startTimerLoop, type TimerLoopOptions } from './startTimerLoop.ts';
import { DAY_MS, dossierNow, seedWaitingDossier } from './testing/timerWorld.ts';
import type { TimerLogEntry } from './timerLog.ts';

let database: Database;
let world: SeededTenant;
let loop: RunningTimerLoop | undefined;
const clock = createTestClock(new Date('2026-03-01T09:00:00.000Z'));
const logs: TimerLogEntry[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  await ensureJobSchema(database);
  world = await seedTenant(database.db);
});

afterEach(async () => {
  await loop?.stop();
  loop = undefined;
});

afterAll(() => database?.close());

function start(options: Partial<TimerLoopOptions> = {}): RunningTimerLoop {
  loop = startTimerLoop({
    database,
    enqueue: enqueueEffects,
    clock: clock.now,
    intervalMs: 20,
    log: (entry) => logs.push(entry),
    ...options,
  });
  return loop;
}

/** A dossier whose `expirer` timer ran out `daysOverdue` days ago. */
const overdue = (daysOverdue: number) =>
  seedWaitingDossier(database.db, world, {
    enteredAt: new Date(clock.now().getTime() - (30 + daysOverdue) * DAY_MS),
  });

/** Waits for the loop (running on its own) to bring the dossier to `state`. */
async function untilState(id: string, state: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while ((await dossierNow(database.db, id)).state !== state) {
    if (Date.now() > deadline) throw new Error(`dossier ${id} never reached ${state}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Lets pending callbacks and I/O run, without waiting for any duration. */
async function drain(turns = 20): Promise<void> {
  for (let i = 0; i < turns; i += 1) await new Promise((resolve) => setImmediate(resolve));
}

describe('startTimerLoop', () => {
  it('fires due timers at start, then again at every tick', async () => {
    const first = await overdue(1);
    start();
    await untilState(first, 'refuse');

    const second = await overdue(0);
    await untilState(second, 'refuse');
    expect(logs).toContainEqual(expect.objectContaining({ message: 'timer run' }));
  });

  it('stops after the dossier in progress commits, and starts no other', async () => {
    const [oldest, next] = [await overdue(3), await overdue(2)];
    let enter: () => void = () => {};
    let release: () => void = () => {};
    const entered = new Promise<void>((resolve) => {
      enter = resolve;
    });
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const gated: EnqueueEffects = async (tx, request) => {
      enter();
      await released;
      return enqueueEffects(tx, request);
    };
    const running = start({ enqueue: gated, intervalMs: 600_000 });
    await entered;

    let stopped = false;
    const stopping = running.stop().then(() => {
      stopped = true;
    });
    await drain();
    expect(stopped).toBe(false);

    release();
    await stopping;
    expect(await dossierNow(database.db, oldest)).toMatchObject({ state: 'refuse' });
    expect(await dossierNow(database.db, next)).toMatchObject({ state: 'complement' });
  });

  it('stops at once while it waits for the next tick', async () => {
    const runs = () => logs.filter((entry) => entry.message === 'timer run').length;
    const before = runs();
    const id = await overdue(0);
    const running = start({ intervalMs: 600_000 });
    await untilState(id, 'refuse');
    while (runs() === before) await drain(1); // the run ended: the loop now waits

    const asked = Date.now();
    await running.stop();
    expect(Date.now() - asked).toBeLessThan(1_000);
    await running.stop(); // twice is harmless
  });

  it('logs a failed run and goes on with the next one', async () => {
    let failures = 1;
    const flaky: Pick<Database, 'db'> = {
      get db() {
        if (failures > 0) {
          failures -= 1;
          throw new Error('connexion perdue');
        }
        return database.db;
      },
    };
    const id = await overdue(0);
    start({ database: flaky });
    await untilState(id, 'refuse');
    expect(logs).toContainEqual({ level: 'error', message: 'timer run failed: connexion perdue' });
  });
});
