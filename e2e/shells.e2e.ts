import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './support/accessibility.ts';
import { launchChromium, openPage, VIEWPORTS } from './support/browser.ts';
import { type GuichetServer, startGuichet } from './support/guichetServer.ts';

// The three apps' first pages, as a visitor with no session lands on them, at phone and
// desktop widths: they load under the strict CSP, without script errors, and pass axe.
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

const APPS = [
  { name: 'citoyen', path: '/' },
  { name: 'agent', path: '/agent/' },
  { name: 'studio', path: '/studio/' },
] as const;

describe('each app’s first page', () => {
  for (const app of APPS) {
    for (const [width, viewport] of Object.entries(VIEWPORTS)) {
      it(`${app.name} (${width}): one h1, no CSP violation, no axe violation, no missing file`, async () => {
        const { page, context, problems } = await openPage(browser, server.url, viewport);
        // Every file the page asks is there (an API call may answer 401 to a visitor).
        const missing: string[] = [];
        page.on('response', (response) => {
          if (response.status() >= 400 && !new URL(response.url()).pathname.startsWith('/trpc/'))
            missing.push(`${response.status()} ${response.url()}`);
        });
        try {
          await page.goto(app.path);
          // A loaded machine may take seconds to run the app's first render.
          await expect.poll(() => page.locator('h1').count(), { timeout: 20_000 }).toBe(1);
          await page.waitForLoadState('networkidle');
          await expectAccessible(page, `premiere-page-${app.name}-${width}`);
          expect(problems).toEqual([]);
          // The tab's icon: without one the browser asks /favicon.ico and logs its 404.
          const icon = await page.locator('link[rel="icon"]').getAttribute('href');
          const served = await page.request.get(new URL(icon ?? '', page.url()).href);
          expect(served.status()).toBe(200);
          expect(served.headers()['content-type']).toBe('image/svg+xml');
          expect(missing).toEqual([]);
        } finally {
          await context.close();
        }
      });
    }
  }

  it('the citizen catalogue lists the demo tenant’s published démarche', async () => {
    const { page, context, problems } = await openPage(browser, server.url);
    try {
      await page.goto('/');
      await page.getByText('Demande d’aide sociale').first().waitFor();
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
