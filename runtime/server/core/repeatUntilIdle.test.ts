import { describe, expect, it } from 'vitest';
import { type FailedTurnEntry, repeatUntilIdle } from './repeatUntilIdle.ts';

describe('repeatUntilIdle', () => {
  it('goes on past a failed turn, logging it under its kind, and stops when idle aborts', async () => {
    const idle = new AbortController();
    const logged: FailedTurnEntry[] = [];
    let turns = 0;
    await repeatUntilIdle({
      turn: async () => {
        turns += 1;
        if (turns === 1) throw new Error('base injoignable');
        if (turns === 3) idle.abort();
      },
      intervalMs: 0,
      idle: idle.signal,
      log: (entry) => logged.push(entry),
      kind: 'export',
    });
    expect(turns).toBe(3);
    expect(logged).toEqual([{ level: 'error', message: 'base injoignable', kind: 'export' }]);
  });

  it('runs no turn once idle has aborted, and wakes from its sleep when it does', async () => {
    const stopped = new AbortController();
    stopped.abort();
    let turns = 0;
    const count = async () => {
      turns += 1;
    };
    await repeatUntilIdle({
      turn: count,
      intervalMs: 0,
      idle: stopped.signal,
      log: () => {},
      kind: 'x',
    });
    expect(turns).toBe(0);

    // An hour's sleep after the first turn ends as soon as the abort comes.
    const idle = new AbortController();
    const looping = repeatUntilIdle({
      turn: async () => {
        await count();
        queueMicrotask(() => idle.abort());
      },
      intervalMs: 3_600_000,
      idle: idle.signal,
      log: () => {},
      kind: 'x',
    });
    await looping;
    expect(turns).toBe(1);
  });
});
