import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './support/accessibility.ts';
import { launchChromium, openPage } from './support/browser.ts';
import { type GuichetServer, startGuichet } from './support/guichetServer.ts';

// The journeys' watchdogs must be able to fail: a page that breaks the CSP or axe's
// rules is reported, not waved through.
let server: GuichetServer;
let browser: Browser;

beforeAll(async () => {
  server = await startGuichet();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('e2e harness', () => {
  it('reports an inline script the served CSP blocks', async () => {
    const { page, context, problems } = await openPage(browser, server.url);
    try {
      await page.goto('/');
      await page.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'window.inlineRan = true';
        document.body.append(script);
      });
      await expect.poll(() => problems.length).toBeGreaterThan(0);
      expect(problems.join('\n')).toMatch(/script-src/);
      expect(await page.evaluate(() => 'inlineRan' in window)).toBe(false);
    } finally {
      await context.close();
    }
  });

  it('reports an image without a text alternative as an axe violation', async () => {
    const { page, context } = await openPage(browser, server.url);
    try {
      await page.goto('/');
      await page.evaluate(() => {
        const image = document.createElement('img');
        image.src = '/favicon.ico';
        document.querySelector('main')?.append(image);
      });
      await expect(expectAccessible(page, 'harnais-image-sans-alternative')).rejects.toThrow(
        /image-alt/,
      );
    } finally {
      await context.close();
    }
  });

  it('gives the server’s mail to the journey', async () => {
    expect(server.mail.messages).toEqual([]);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});
