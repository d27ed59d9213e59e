import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../runtime/server/demo/seedDemo.ts';
import { sourcedChoicesDefinition } from '../shared/testing/sourcedChoicesDefinition.ts';
import { expectAccessible } from './support/accessibility.ts';
import { launchChromium, openPage, VIEWPORTS } from './support/browser.ts';
import { heading, poll } from './support/citizenPage.ts';
import { demoApi } from './support/demoApi.ts';
import { type GuichetServer, startGuichet } from './support/guichetServer.ts';

// Choices from data sources (issue 14, item 4): the demo admin imports the communes and
// publishes a démarche whose « Commune » field names that table; the citizen finds theirs
// by typing a few letters in an accessible combobox, chooses it with the keyboard, and the
// code is what the dossier keeps. Axe on the open list, under the strict CSP.
let server: GuichetServer;
let browser: Browser;

const admin = DEMO_ACCOUNTS.find((account) => account.role === 'admin')!;
const citizen = DEMO_ACCOUNTS.find((account) => account.kind === 'citizen')!;
const COMMUNES = [
  'code;libelle;code_postal',
  '69123;Lyon;69001',
  '69266;Villeurbanne;69100',
  '69256;Vaulx-en-Velin;69120',
  '69264;Villefranche-sur-Saône;69400',
  '42218;Saint-Étienne;42000',
].join('\n');

beforeAll(async () => {
  server = await startGuichet();
  browser = await launchChromium();
  const api = await demoApi(server.url, admin.email);
  await api.dataSources.importTable.mutate({ code: 'communes', label: 'Communes', csv: COMMUNES });
  // The table and the static list only: the URL source would need a remote the server
  // may reach, which a journey on loopback cannot offer under the production rules.
  const definition = sourcedChoicesDefinition();
  definition.dataSources = definition.dataSources!.filter((source) => source.kind !== 'url');
  delete (definition.form.schema as { properties: Record<string, unknown> }).properties['ecole'];
  definition.form.uiSchema = {
    'ui:order': [
      'nom',
      'prenom',
      'email',
      'commune',
      'niveau',
      'situation',
      'conjoint',
      'revenuMensuel',
    ],
  };
  const { id, draftRevision } = await api.demarches.create.mutate({
    slug: definition.meta.slug,
    title: definition.meta.title,
  });
  const saved = await api.demarches.saveDraft.mutate({
    id,
    draft: definition as unknown as Record<string, unknown>,
    revision: draftRevision,
  });
  await api.demarches.publish.mutate({ id, revision: saved.draftRevision });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a choice from a reference table', () => {
  it('is found by typing, chosen with the keyboard, and saved as its code', async () => {
    const { page, problems } = await openPage(browser, server.url, VIEWPORTS.desktop);
    try {
      await page.goto('/connexion?retour=%2Fdemarches%2Faide-scolaire');
      await page.getByLabel('Adresse électronique').fill(citizen.email);
      await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await poll(() => heading(page)).toBe('Aide à la scolarité');
      await page.getByRole('button', { name: 'Commencer la démarche' }).click();

      const commune = page.getByRole('combobox', { name: /Commune de résidence/ });
      await commune.waitFor();
      await commune.pressSequentially('villeu', { delay: 50 });
      const list = page.getByRole('listbox', { name: /Commune de résidence/ });
      await list.getByRole('option', { name: 'Villeurbanne' }).waitFor();
      // « vill » would also offer Villefranche; « villeu » only Villeurbanne.
      expect(await list.getByRole('option').count()).toBe(1);
      await page.getByRole('status').filter({ hasText: '1 proposition.' }).waitFor();
      expect(await commune.getAttribute('aria-expanded')).toBe('true');
      await expectAccessible(page, 'source-liste-ouverte');

      await commune.press('ArrowDown');
      await commune.press('Enter');
      await poll(() => commune.inputValue()).toBe('Villeurbanne');
      expect(await commune.getAttribute('aria-expanded')).toBe('false');
      // The static list stays a select.
      await page.getByRole('combobox', { name: /Niveau/ }).selectOption({ label: 'CE1' });
      await page.locator('#root_nom').fill('Martin');
      await page.locator('#root_nom').blur();
      await page.getByText('Vos réponses sont enregistrées.').waitFor();
      await expectAccessible(page, 'source-choisie');

      const id = /[0-9a-f-]{36}/.exec(page.url())?.[0];
      expect(id).toBeDefined();
      const api = await demoApi(server.url, citizen.email);
      await poll(async () => (await api.dossiers.get.query({ id: id! })).data).toMatchObject({
        commune: '69266',
        niveau: 'ce1',
      });

      // Back later: the saved code shows its label again.
      await page.reload();
      await poll(() =>
        page.getByRole('combobox', { name: /Commune de résidence/ }).inputValue(),
      ).toBe('Villeurbanne');
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
