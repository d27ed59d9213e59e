import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../runtime/server/demo/seedDemo.ts';
import { expectAccessible } from './support/accessibility.ts';
import { launchChromium, openPage } from './support/browser.ts';
import { heading, poll, stepTitle } from './support/citizenPage.ts';
import { type GuichetServer, startGuichet } from './support/guichetServer.ts';
import { control, field, focused, tabTo } from './support/keyboard.ts';

// The citizen's journey with the keyboard alone (RGAA 7.3, WCAG 2.1.1 and 2.4.7): log in,
// open the demo démarche, fail a step and be taken to its errors, fix them, choose from a
// list with the arrows, review and submit — Tab, Shift+Tab, Space, Enter and arrows only,
// never a click. Every element the focus lands on shows it; axe on every state.
let server: GuichetServer;
let browser: Browser;

const citizen = DEMO_ACCOUNTS.find((account) => account.kind === 'citizen')!;

beforeAll(async () => {
  server = await startGuichet();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the citizen front office with the keyboard only', () => {
  it('fills and submits the demo démarche without a mouse', async () => {
    const { page, context, problems } = await openPage(browser, server.url);
    const shot = (name: string) => expectAccessible(page, `clavier-${name}`);
    const { keyboard } = page;
    try {
      // The address bar is the only thing typed outside the page.
      await page.goto('/connexion?retour=%2Fdemarches%2Faide-sociale');
      await poll(() => heading(page)).toBe('Se connecter');
      // The first Tab reaches the skip link, which leads to the main content.
      const skip = await tabTo(page, () => true);
      expect(skip.name).toBe('Aller au contenu');
      await tabTo(page, (element) => element.tag === 'input' && element.name.startsWith('Adresse'));
      await keyboard.type(citizen.email);
      await tabTo(
        page,
        (element) => element.tag === 'input' && element.name.startsWith('Mot de passe'),
      );
      await keyboard.type(DEMO_PASSWORD);
      await keyboard.press('Enter');
      await poll(() => heading(page)).toBe('Demande d’aide sociale');
      await shot('demarche');

      await tabTo(page, control('Commencer la démarche'));
      await keyboard.press('Enter');
      await page.getByText('Étape 1 sur 3').waitFor();
      await poll(() => stepTitle(page)).toBe('Votre identité');

      // Leaving the step empty: focus goes to the error summary, whose first link leads to
      // the first field in error.
      await tabTo(page, control('Continuer'));
      await keyboard.press('Space');
      await page.locator('.resume-erreurs').waitFor();
      await poll(async () => (await focused(page)).className).toBe('resume-erreurs');
      expect((await focused(page)).visible).toBe(true);
      await shot('etape-1-erreurs');
      const firstError = await tabTo(page, (element) => element.tag === 'a');
      expect(firstError.name).toMatch(/^Nom/);
      await keyboard.press('Enter');
      await poll(async () => (await focused(page)).id).toBe('root_nom');
      expect((await focused(page)).visible).toBe(true);
      expect(await page.locator('#root_nom').getAttribute('aria-invalid')).toBe('true');

      await keyboard.type('Martin');
      await tabTo(page, field('root_prenom'));
      await keyboard.type('Claire');
      await tabTo(page, field('root_email'));
      await keyboard.type('claire.martin@example.fr');
      await tabTo(page, control('Continuer'));
      await keyboard.press('Enter');
      await poll(() => stepTitle(page)).toBe('Votre foyer et vos ressources');
      await poll(async () => (await focused(page)).id).toBe('titre-etape');

      // A list chosen with the arrows: « couple » asks for the spouse's name.
      await tabTo(page, field('root_situation'));
      const chosen = () => page.locator('#root_situation option:checked').textContent();
      for (let presses = 0; presses < 4 && (await chosen()) !== 'couple'; presses += 1) {
        await keyboard.press('ArrowDown');
      }
      expect(await chosen()).toBe('couple');
      await tabTo(page, field('root_revenuMensuel'));
      await keyboard.type('1200');
      await tabTo(page, control('Continuer'));
      await keyboard.press('Enter');
      await page.locator('.resume-erreurs').waitFor();
      await poll(async () => (await focused(page)).className).toBe('resume-erreurs');
      await shot('etape-2-erreurs');
      const spouse = await tabTo(page, (element) => element.tag === 'a');
      expect(spouse.name).toMatch(/Nom du conjoint/);
      await keyboard.press('Enter');
      await poll(async () => (await focused(page)).id).toBe('root_conjoint');
      await keyboard.type('Martin');
      await tabTo(page, control('Continuer'));
      await keyboard.press('Enter');
      await poll(() => stepTitle(page)).toBe('Vérifiez vos réponses');
      await page.getByText('claire.martin@example.fr').waitFor();
      await shot('recapitulatif');

      await tabTo(page, control('Déposer ma demande'));
      await keyboard.press('Space');
      await poll(() => heading(page)).toBe('Demande envoyée');
      const reference = (await page.locator('.reference').textContent()) ?? '';
      expect(reference).toMatch(/^[A-Z]+-\d{4}-\d{6}$/);
      await shot('confirmation');

      // From the confirmation to the dossier's page, still by keyboard.
      await tabTo(page, control('Voir tous mes dossiers'));
      await keyboard.press('Enter');
      await poll(() => heading(page)).toBe('Mes dossiers');
      await tabTo(page, (element) => element.tag === 'a' && element.name.includes(reference));
      await keyboard.press('Enter');
      await poll(() => heading(page)).toContain(reference);
      await shot('dossier');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
