import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../runtime/server/demo/seedDemo.ts';
import { expectAccessible } from './support/accessibility.ts';
import { launchChromium, openPage } from './support/browser.ts';
import { type GuichetServer, startGuichet } from './support/guichetServer.ts';

// The internal-note template in the browser, agents only: an agent of the CCAS opens a
// note from the back office (« Nouveau dossier », the citizens' form pieces), asks the
// legal service; the lawyer takes it and writes the answer, the head of the service
// validates and sends it, the asker closes the note. axe on every page and dialog.
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

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/agent/');
  await page.getByLabel('Adresse e-mail professionnelle').fill(email);
  await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('listbox', { name: 'Dossiers de la file' }).waitFor();
}

/** Opens the actions dialog from the keyboard and fires `label`. */
async function act(page: Page, label: string, fill?: (dialog: Page) => Promise<void>) {
  await page.keyboard.press('a');
  await page
    .getByRole('dialog', { name: 'Actions possibles' })
    .getByRole('button', { name: label })
    .click();
  await page.getByRole('dialog', { name: label }).waitFor();
  await fill?.(page);
  await page.getByRole('button', { name: 'Confirmer' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: `Action « ${label} » enregistrée.` })
    .waitFor();
}

/** One agent's turn on the note: signed in in a browser context of their own. */
async function asAgent(email: string, turn: (page: Page) => Promise<void>): Promise<void> {
  const opened = await openPage(browser, server.url);
  try {
    await signIn(opened.page, email);
    await turn(opened.page);
    expect(opened.problems).toEqual([]);
  } finally {
    await opened.context.close();
  }
}

describe('the internal-note template', () => {
  it('an agent writes a note, the legal service answers, its head validates, the asker closes it', async () => {
    let dossierPath = '';
    let reference = '';
    await asAgent('agent@demo.guichet.localhost', async (page) => {
      const menu = page.getByRole('region', { name: 'Nouveau dossier' });
      await menu.getByRole('button', { name: 'Note interne' }).click();
      await page
        .getByRole('heading', { level: 1, name: 'Nouveau dossier : Note interne' })
        .waitFor();
      await page.getByText('Vous êtes le demandeur.').waitFor();
      await page.getByLabel('Service interrogé').selectOption({ label: 'Service juridique' });
      await page.getByLabel('Objet').fill('Convention d’occupation du gymnase');
      // Too short first: the form's own message, on its field, before anything is sent.
      await page.getByLabel('Votre question').fill('Faut-il ?');
      await page.getByLabel('Urgente').check();
      await page.getByRole('button', { name: 'Transmettre la note' }).click();
      await page.locator('.resume-erreurs').waitFor();
      await expectAccessible(page, 'note-erreur');
      await page
        .getByLabel('Votre question')
        .fill(
          'Une association sportive demande à occuper le gymnase le samedi matin. Faut-il une convention, et avec quelle redevance ?',
        );
      await page.getByRole('button', { name: 'Transmettre la note' }).click();
      const title = page.getByRole('heading', { level: 1, name: /^Dossier NOTE-\d{4}-\d{6}$/ });
      await title.waitFor();
      reference = ((await title.textContent()) ?? '').replace('Dossier ', '');
      dossierPath = new URL(page.url()).pathname;
      await page.getByText('Transmise au service').first().waitFor();
      await expectAccessible(page, 'note-transmise');
    });

    await asAgent('juriste@demo.guichet.localhost', async (page) => {
      await page.goto(dossierPath);
      await page.getByRole('heading', { level: 1, name: `Dossier ${reference}` }).waitFor();
      await page.getByText('Convention d’occupation du gymnase').first().waitFor();
      await expectAccessible(page, 'note-juriste');
      await act(page, 'Prendre en charge');
      await act(page, 'Rédiger la réponse', async (dialog) => {
        await dialog
          .getByRole('dialog', { name: 'Rédiger la réponse' })
          .getByLabel('Réponse')
          .fill('Oui : une convention d’occupation temporaire, redevance symbolique possible.');
        await expectAccessible(dialog, 'note-reponse-dialogue');
      });
      await page.getByText('Réponse à valider').first().waitFor();
    });

    await asAgent('chef-juridique@demo.guichet.localhost', async (page) => {
      await page.goto(dossierPath);
      await page.getByRole('heading', { level: 1, name: `Dossier ${reference}` }).waitFor();
      await act(page, 'Valider et envoyer la réponse');
      await page.getByText('Réponse envoyée').first().waitFor();
      await expectAccessible(page, 'note-validee');
    });

    await asAgent('agent@demo.guichet.localhost', async (page) => {
      await page.goto(dossierPath);
      await page.getByRole('heading', { level: 1, name: `Dossier ${reference}` }).waitFor();
      await page.getByText('redevance symbolique possible').first().waitFor();
      await act(page, 'Clôturer la note');
      await page.getByText('Clôturée').first().waitFor();
      await expectAccessible(page, 'note-cloturee');
    });
  });
});
