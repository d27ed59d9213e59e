import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../runtime/server/demo/seedDemo.ts';
import { expectAccessible } from './support/accessibility.ts';
import { launchChromium, openPage } from './support/browser.ts';
import { demoApi } from './support/demoApi.ts';
import { type GuichetServer, startGuichet } from './support/guichetServer.ts';

// The demo admin builds a démarche in the studio: creates it, adds fields (one with the
// keyboard only, reordered with the keyboard too), meets a problem that blocks publishing,
// fixes it from the checks panel, publishes, reads the version list; then a colleague's
// save in between is told, and nothing is lost (docs/SECURITY.md §80). All of it under
// the strict CSP (docs/SECURITY.md §34) and with no axe violation.
let server: GuichetServer;
let browser: Browser;

/** The machine is shared: the page may take a few seconds to answer, never a failure by itself. */
const WAIT = { timeout: 20_000 };

const ADMIN = DEMO_ACCOUNTS.find((account) => account.role === 'admin')!.email;

beforeAll(async () => {
  server = await startGuichet();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function logIn(page: Page): Promise<void> {
  await page.goto('/studio/');
  await page.getByLabel('Adresse e-mail').fill(ADMIN);
  await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('heading', { level: 1, name: 'Mes démarches' }).waitFor();
}

/** Presses Tab until the focused element has this accessible text: how a keyboard user gets there. */
async function tabTo(page: Page, text: string): Promise<void> {
  for (let presses = 0; presses < 300; presses += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element) return '';
      const labelled = element.getAttribute('aria-label');
      if (labelled) return labelled;
      const id = element.id;
      const label = id ? document.querySelector(`label[for="${CSS.escape(id)}"]`) : null;
      return (label?.textContent ?? element.textContent ?? '').replace(/\s+/g, ' ').trim();
    });
    if (focused === text) return;
  }
  throw new Error(`« ${text} » cannot be reached with the Tab key`);
}

const outline = (page: Page) =>
  page.locator('.plan-formulaire .nom-element > span:first-child').allInnerTexts();

describe('the studio', () => {
  it('the admin creates a démarche, adds fields by mouse and keyboard, fixes a problem and publishes', async () => {
    const { page, context, problems } = await openPage(browser, server.url);
    try {
      await page.goto('/studio/');
      await page.getByRole('heading', { level: 1, name: 'Connexion au studio' }).waitFor();
      await expectAccessible(page, 'studio-connexion');
      await logIn(page);
      await expectAccessible(page, 'studio-liste');

      await page.getByLabel('Titre de la démarche').fill('Subvention aux associations sportives');
      await expect
        .poll(() => page.getByLabel('Identifiant dans l’adresse').inputValue(), WAIT)
        .toBe('subvention-aux-associations-sportives');
      await page.getByRole('button', { name: 'Créer et ouvrir' }).click();
      await page
        .getByRole('heading', {
          level: 1,
          name: 'Démarche : Subvention aux associations sportives',
        })
        .waitFor();

      // A field by mouse, relabelled in the properties panel.
      await page.getByRole('button', { name: 'Ajouter un champ Texte court' }).click();
      await page.getByLabel('Libellé', { exact: true }).fill('Nom de l’association');
      await page.getByLabel('Réponse obligatoire').check();

      // A field by keyboard only: reach the palette, add, label it, move it first.
      await tabTo(page, 'Ajouter un champ Montant en euros');
      await page.keyboard.press('Enter');
      await tabTo(page, 'Libellé');
      await page.keyboard.press('Control+A');
      await page.keyboard.type('Montant demandé');
      await expect
        .poll(() => outline(page), WAIT)
        .toEqual(['« Nom de l’association »', '« Montant demandé »']);
      // The label just typed is saved first: the lift starts on a page that stays still.
      await page.getByText('Toutes les modifications sont enregistrées.').waitFor(WAIT);
      await tabTo(page, 'Déplacer « Montant demandé »');
      // dnd-kit marks the lifted handle pressed and says each move in its live region.
      const said = (text: RegExp) => page.getByText(text).first().waitFor({ state: 'attached' });
      await page.keyboard.press('Space');
      await page
        .getByRole('button', { name: 'Déplacer « Montant demandé »', pressed: true })
        .waitFor();
      // Up until dnd-kit says the field is over the first place (on a busy machine the
      // first arrow can come before the lifted item's neighbours are measured).
      const live = () =>
        page.evaluate(() =>
          [...document.querySelectorAll('[aria-live="assertive"]')]
            .map((region) => region.textContent)
            .join(' '),
        );
      for (let presses = 0; presses < 4; presses += 1) {
        await page.keyboard.press('ArrowUp');
        await page.waitForTimeout(300);
        if (/au-dessus de la position 1\./.test(await live())) break;
      }
      expect(await live()).toMatch(/au-dessus de la position 1\./);
      await page.keyboard.press('Space');
      await said(/déposé en position 1/);
      await expect
        .poll(() => outline(page), WAIT)
        .toEqual(['« Montant demandé »', '« Nom de l’association »']);
      await expect
        .poll(() => page.getByText('Toutes les modifications sont enregistrées.').count(), WAIT)
        .toBe(1);

      // A cross-field rule without code: the amount at most 5 000 €, in the admin's words.
      await page.getByText('Règles de cohérence (0)').click();
      await page.getByRole('button', { name: 'Ajouter une règle' }).click();
      const rule = page.getByRole('group', { name: 'Règle 1' });
      await rule.getByLabel('Champ concerné').selectOption({ label: 'Montant demandé' });
      await rule.getByLabel('Doit être').selectOption('le');
      await rule.getByLabel('Valeur').fill('5000');
      await rule.getByLabel('Message affiché à l’usager').fill('Au plus 5 000 € par demande.');
      await expectAccessible(page, 'studio-formulaire');

      // A problem: a reference prefix of one letter. The checks list it; publishing is refused.
      await page.getByText('Informations générales').click();
      await page.getByLabel('Préfixe des références de dossier').fill('S');
      const checks = page.locator('#verification');
      await checks.getByText('1 erreur(s) bloquant la publication').waitFor();
      await page.getByRole('button', { name: 'Publier' }).click();
      await page.getByText('Publication impossible : corrigez d’abord l’erreur signalée').waitFor();
      await expectAccessible(page, 'studio-probleme');
      await checks.getByRole('button', { name: 'Informations générales' }).click();
      // The checks panel puts the cursor in the input at fault: the admin just types.
      const prefix = page.getByLabel('Préfixe des références de dossier');
      await expect
        .poll(() => prefix.evaluate((input) => input === document.activeElement))
        .toBe(true);
      await page.keyboard.press('Control+A');
      await page.keyboard.type('SPORT');
      expect(await prefix.inputValue()).toBe('SPORT');
      await checks.getByText('Aucun problème : la démarche peut être publiée.').waitFor();

      await page.getByRole('button', { name: 'Publier' }).click();
      await page.getByText('Version 1 publiée').waitFor();
      const api = await demoApi(server.url, ADMIN);
      const created = (await api.demarches.list.query()).find(
        (demarche) => demarche.slug === 'subvention-aux-associations-sportives',
      );
      const published = await api.demarches.getVersion.query({ id: created!.id, version: 1 });
      expect((published.definition as { form: { rules?: unknown } }).form.rules).toEqual([
        {
          id: 'regle-1',
          field: 'montant',
          assert: { '<=': [{ var: 'montant' }, 5000] },
          message: 'Au plus 5 000 € par demande.',
        },
      ]);
      await page.getByRole('tab', { name: 'Versions' }).click();
      await page.getByText(/Version 1, publiée le/).waitFor();
      await expectAccessible(page, 'studio-versions');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a colleague’s save in between is told, and the admin keeps their version', async () => {
    const first = await openPage(browser, server.url);
    const second = await openPage(browser, server.url);
    try {
      await logIn(first.page);
      await first.page.getByLabel('Titre de la démarche').fill('Carte de stationnement');
      await first.page.getByRole('button', { name: 'Créer et ouvrir' }).click();
      await first.page
        .getByRole('heading', { level: 1, name: 'Démarche : Carte de stationnement' })
        .waitFor();

      await logIn(second.page);
      await second.page.getByRole('button', { name: 'Carte de stationnement' }).click();
      await second.page.getByRole('button', { name: 'Ajouter un champ Date' }).click();
      await second.page.getByText('Toutes les modifications sont enregistrées.').waitFor();

      await first.page.getByRole('button', { name: 'Ajouter un champ Adresse e-mail' }).click();
      const banner = first.page.locator('.bandeau-conflit');
      await banner.getByText('Le brouillon a été modifié entre-temps').waitFor();
      await expect.poll(() => outline(first.page), WAIT).toEqual(['« Adresse e-mail »']);
      await expectAccessible(first.page, 'studio-conflit');
      await banner.getByRole('button', { name: 'Garder ma version (remplacer l’autre)' }).click();
      await first.page.getByText('Toutes les modifications sont enregistrées.').waitFor();

      await second.page.reload();
      await second.page.getByRole('button', { name: 'Carte de stationnement' }).click();
      await expect.poll(() => outline(second.page), WAIT).toEqual(['« Adresse e-mail »']);
      expect([...first.problems, ...second.problems]).toEqual([]);
    } finally {
      await first.context.close();
      await second.context.close();
    }
  });

  it('a save that fails is tried again by itself: the work reaches the server without another edit', async () => {
    const { page, context, problems } = await openPage(browser, server.url);
    try {
      await logIn(page);
      await page.getByLabel('Titre de la démarche').fill('Permis de végétaliser');
      await page.getByRole('button', { name: 'Créer et ouvrir' }).click();
      await page
        .getByRole('heading', { level: 1, name: 'Démarche : Permis de végétaliser' })
        .waitFor();
      // The network drops the first save, as a train going into a tunnel would.
      let dropped = 0;
      await page.route(/\/trpc\/[^?]*demarches\.saveDraft/, (route) => {
        if (dropped === 0) {
          dropped += 1;
          return route.abort('internetdisconnected');
        }
        return route.continue();
      });
      await page.getByRole('button', { name: 'Ajouter un champ Date' }).click();
      await page.getByText(/L’enregistrement automatique a échoué/).waitFor();
      await page.getByText('Toutes les modifications sont enregistrées.').waitFor(WAIT);
      expect(dropped).toBe(1);

      await page.reload();
      await page.getByRole('button', { name: 'Permis de végétaliser' }).click();
      await expect.poll(() => outline(page), WAIT).toEqual(['« Date »']);
      expect(problems.filter((problem) => !problem.includes('Failed to fetch'))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
