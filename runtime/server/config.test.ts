import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('runs the timers every minute unless told otherwise; 0 runs none', () => {
    expect(loadConfig({}).timerIntervalSeconds).toBe(60);
    expect(loadConfig({ GUICHET_TIMER_INTERVAL_SECONDS: '15' }).timerIntervalSeconds).toBe(15);
    expect(loadConfig({ GUICHET_TIMER_INTERVAL_SECONDS: '0' }).timerIntervalSeconds).toBe(0);
  });

  it('refuses an interval that is not a number of seconds, instead of spinning', () => {
    for (const wrong of ['1m', '-5', 'Infinity']) {
      expect(() => loadConfig({ GUICHET_TIMER_INTERVAL_SECONDS: wrong })).toThrow(
        /GUICHET_TIMER_INTERVAL_SECONDS/,
      );
    }
  });
});
