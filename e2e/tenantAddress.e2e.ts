import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_TENANT } from '../runtime/server/demo/index.ts';
import { expectAccessible } from './support/accessibility.ts';
import { CHROMIUM, CHROMIUM_FLAGS, openPage } from './support/browser.ts';
import { demoApi } from './support/demoApi.ts';
import { type GuichetServer, startGuichet } from './support/guichetServer.ts';

// One address per collectivité (docs/SECURITY.md §133), in a real browser: the demo's
// admin gives it the address mairie-demo.localhost; the agents' page opened there names
// the demo in its <meta>, the studio's login proposes it, and the agents' login signs
// the agent in to that tenant with no tenant typed. No inline script: the CSP watcher stays
// quiet.
const ADDRESS = 'mairie-demo.localhost';
const ADMIN = 'admin@demo.guichet.localhost';
const AGENT = 'agent@demo.guichet.localhost';

let server: GuichetServer;
let browser: Browser;

beforeAll(async () => {
  server = await startGuichet();
  // *.localhost is a secure context (so the __Host- cookie holds); the rule makes
  // Chromium reach it on the server's loopback address.
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [...CHROMIUM_FLAGS, `--host-resolver-rules=MAP ${ADDRESS} 127.0.0.1`],
  });
  const admin = await demoApi(server.url, ADMIN);
  await admin.tenant.setHosts.mutate({ hosts: [ADDRESS] });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a collectivité at its own address', () => {
  it('serves pages that name it, and signs its agent in there', async () => {
    const own = `http://${ADDRESS}:${new URL(server.url).port}`;
    const { page, context, problems } = await openPage(browser, own);
    try {
      const named = page.locator('meta[name="guichet-tenant"]');
      await page.goto('/studio/');
      expect(await named.getAttribute('content')).toBe(DEMO_TENANT);
      await page.getByLabel('Organisation').waitFor();
      expect(await page.getByLabel('Organisation').inputValue()).toBe(DEMO_TENANT);

      await page.goto('/agent/');
      expect(await named.getAttribute('content')).toBe(DEMO_TENANT);
      await page.getByLabel('Adresse e-mail professionnelle').fill(AGENT);
      await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
      await page.keyboard.press('Enter');
      const nav = page.getByRole('navigation', { name: 'Espace agents' });
      await nav.getByRole('link', { name: 'Dossiers à traiter' }).waitFor();
      await expectAccessible(page, 'adresse-propre-agents');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
