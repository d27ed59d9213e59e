import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../runtime/server/demo/seedDemo.ts';
import { loadTemplate } from '../templates/index.ts';
import { expectAccessible } from './support/accessibility.ts';
import { launchChromium, openPage } from './support/browser.ts';
import { demoApi } from './support/demoApi.ts';
import { type GuichetServer, startGuichet } from './support/guichetServer.ts';

// At the counter: the demo admin publishes the social-aid démarche open to agents
// (`access.staff`, `applicant: person`); an agent of the CCAS opens a dossier for a
// person without an account, fills the citizens' form for her from the keyboard, files
// it and reads the tracking code to hand over. axe on every state.
let server: GuichetServer;
let browser: Browser;

const SLUG = 'aide-au-guichet';
const TITLE = 'Aide sociale au guichet';
const admin = DEMO_ACCOUNTS.find((account) => account.role === 'admin')!;

beforeAll(async () => {
  server = await startGuichet();
  browser = await launchChromium();
  const template = loadTemplate('aide-sociale');
  if (!template.ok) throw new Error('aide-sociale does not load');
  const definition = template.value;
  definition.meta.slug = SLUG;
  definition.meta.title = TITLE;
  definition.access = { staff: { roles: ['agent'], applicant: 'person' } };
  const api = await demoApi(server.url, admin.email);
  const created = await api.demarches.create.mutate({ slug: SLUG, title: TITLE });
  const saved = await api.demarches.saveDraft.mutate({
    id: created.id,
    draft: definition as never,
    revision: created.draftRevision,
  });
  await api.demarches.publish.mutate({ id: created.id, revision: saved.draftRevision });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a dossier opened at the counter', () => {
  it('is filled and filed by the agent for a person without an account, who gets a tracking code', async () => {
    const opened = await openPage(browser, server.url);
    const page = opened.page;
    try {
      await page.goto('/agent/');
      await page.getByLabel('Adresse e-mail professionnelle').fill('agent@demo.guichet.localhost');
      await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.getByRole('listbox', { name: 'Dossiers de la file' }).waitFor();

      const menu = page.getByRole('region', { name: 'Nouveau dossier' });
      await menu.getByRole('button', { name: `${TITLE} (au guichet)` }).click();
      // Without a name nothing is opened: the field says why.
      await page.getByRole('button', { name: 'Ouvrir le dossier' }).click();
      await page.getByText('Indiquez le nom de la personne.').waitFor();
      await expectAccessible(page, 'guichet-pour-qui');
      await page.getByLabel('Nom et prénom de la personne').fill('Jeanne Martin');
      await page.getByLabel('Nom et prénom de la personne').press('Enter');

      await page.getByRole('heading', { level: 1, name: `Nouveau dossier : ${TITLE}` }).waitFor();
      await page.getByText('Pour : Jeanne Martin').waitFor();
      await page.locator('#root_nom').fill('Martin');
      await page.locator('#root_prenom').fill('Jeanne');
      await page.locator('#root_email').fill('jeanne.martin@example.fr');
      await page.locator('#root_situation').selectOption({ label: 'seul' });
      await page.locator('#root_revenuMensuel').fill('850');
      await expectAccessible(page, 'guichet-formulaire');
      await page.locator('#root_revenuMensuel').press('Enter');

      const filed = page.getByRole('heading', { level: 1, name: 'Dossier déposé' });
      await filed.waitFor();
      await page.getByRole('heading', { name: /^Dossier AIDE-\d{4}-\d{6} déposé$/ }).waitFor();
      const code = (await page.locator('.code-suivi').textContent()) ?? '';
      expect(code.replaceAll('-', '').length).toBeGreaterThanOrEqual(20);
      await expectAccessible(page, 'guichet-depose');
      expect(opened.problems).toEqual([]);
    } finally {
      await opened.context.close();
    }
  });
});
