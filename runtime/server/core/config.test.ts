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

  it('downloads exports of up to 1,000 rows at once unless told otherwise; refuses a typo', () => {
    expect(loadConfig({}).exportAtOnceRows).toBe(1000);
    expect(loadConfig({ GUICHET_EXPORT_AT_ONCE_ROWS: '200' }).exportAtOnceRows).toBe(200);
    for (const wrong of ['1k', '-1', '2.5']) {
      expect(() => loadConfig({ GUICHET_EXPORT_AT_ONCE_ROWS: wrong })).toThrow(
        /GUICHET_EXPORT_AT_ONCE_ROWS/,
      );
    }
  });

  it('scans uploads with clamd only when told where it listens, and refuses a bad port', () => {
    expect(loadConfig({}).clamd).toBeNull();
    expect(loadConfig({ CLAMD_SOCKET: '/run/clamav/clamd.ctl' }).clamd).toEqual({
      socket: '/run/clamav/clamd.ctl',
    });
    expect(loadConfig({ CLAMD_HOST: 'clamav' }).clamd).toEqual({ host: 'clamav', port: 3310 });
    expect(loadConfig({ CLAMD_HOST: 'clamav', CLAMD_PORT: '3311' }).clamd).toEqual({
      host: 'clamav',
      port: 3311,
    });
    for (const wrong of ['33l0', '0', '70000']) {
      expect(() => loadConfig({ CLAMD_HOST: 'clamav', CLAMD_PORT: wrong })).toThrow(/CLAMD_PORT/);
    }
  });
});
