/**
 * A clock tests move by hand: session expiry, SLAs and timers without waiting.
 *
 * @example
 * const clock = createTestClock(new Date('2026-03-01T09:00:00Z'));
 * clock.advance(31 * 60_000); // 31 minutes later
 */
export interface TestClock {
  now(): Date;
  advance(ms: number): void;
  set(at: Date): void;
}

export function createTestClock(start: Date = new Date()): TestClock {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advance(ms) {
      current += ms;
    },
    set(at) {
      current = at.getTime();
    },
  };
}
