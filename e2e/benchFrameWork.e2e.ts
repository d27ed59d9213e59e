import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mainThreadPerFrame } from './bench/frameWork.ts';
import { launchChromium } from './support/browser.ts';

// bench:backoffice reads its scroll target from this measure: it must see the work a
// frame holds, not the 16.7 ms pacing of frames.
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe('main-thread time per frame (bench measure)', () => {
  it('counts the script each animation frame runs', async () => {
    const page = await browser.newPage();
    try {
      await page.setContent('<p>frames</p>');
      const { result, busyMs } = await mainThreadPerFrame(page, () =>
        page.evaluate(
          `new Promise((resolve) => {
            let frames = 0;
            const step = () => {
              const started = performance.now();
              while (performance.now() - started < 12) {}
              if (++frames === 30) resolve(frames);
              else requestAnimationFrame(step);
            };
            requestAnimationFrame(step);
          })`,
        ),
      );
      expect(result).toBe(30);
      // One interval between each of the 30 frames the script spun in.
      expect(busyMs.length).toBeGreaterThanOrEqual(29);
      const spun = busyMs.slice(0, 29);
      for (const busy of spun) expect(busy).toBeGreaterThanOrEqual(12);
    } finally {
      await page.close();
    }
  });
});
