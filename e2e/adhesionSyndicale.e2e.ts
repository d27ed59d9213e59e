import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../runtime/server/demo/seedDemo.ts';
import { expectAccessible } from './support/accessibility.ts';
import { launchChromium, openPage, VIEWPORTS } from './support/browser.ts';
import { heading, nextStep, poll, stepTitle } from './support/citizenPage.ts';
import { type GuichetServer, startGuichet } from './support/guichetServer.ts';

// The union-membership template in the browser: a citizen joins from a phone (four
// steps, dues computed live from the salary, IBAN checked, SEPA mandate), the dossier
// reaches their local union, whose agent validates it in the back office. axe on every
// page, no CSP violation, no script error.
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

describe('the union-membership template', () => {
  it('a citizen joins from a phone, their local union validates the membership', async () => {
    const citizen = await openPage(browser, server.url, VIEWPORTS.phone);
    const page = citizen.page;
    const shot = (name: string) => expectAccessible(page, `adhesion-${name}`);
    let dossierId = '';
    let reference = '';
    try {
      await page.goto('/connexion?retour=%2Fdemarches%2Fadhesion-syndicale');
      await page.getByLabel('Adresse électronique').fill('citoyen@demo.guichet.localhost');
      await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await poll(() => heading(page)).toBe('Adhésion syndicale');
      await shot('demarche');
      await page.getByRole('button', { name: 'Commencer la démarche' }).click();
      await poll(() => stepTitle(page)).toBe('Votre identité');

      await page.getByLabel('Madame').check();
      await page.locator('#root_nom').fill('Martin');
      await page.locator('#root_prenom').fill('Élise');
      await page.locator('#root_naissance').fill('1988-04-12');
      await page.locator('#root_email').fill('elise.martin@example.fr');
      await page.locator('#root_telephone').fill('0612345678');
      await page.locator('#root_adresse').fill('12 rue de la République');
      await page.locator('#root_codePostal').fill('69002');
      await page.locator('#root_commune').fill('Lyon');
      await shot('identite');
      await nextStep(page, 'Votre emploi');

      await page.locator('#root_employeur').fill('Hospices civils de Lyon');
      await page.locator('#root_secteur').selectOption({ label: 'Santé et action sociale' });
      await page.locator('#root_codePostalTravail').fill('69003');
      await shot('emploi');
      await nextStep(page, 'Votre cotisation');

      // The dues follow the salary as it is typed: 1 % of the net salary.
      await page.locator('#root_salaireNetMensuel').fill('2150');
      await poll(() => page.locator('#root_cotisationMensuelle').inputValue()).toBe('21,5');
      await page.locator('#root_titulaireCompte').fill('Élise Martin');
      // A mistyped IBAN (one digit changed) is refused on its field before leaving the step.
      await page.locator('#root_iban').fill('FR7630006000011234567890188');
      await page.locator('#root_bic').fill('AGRIFRPP');
      await page.locator('#root_mandatSepa').check();
      await page.getByRole('button', { name: 'Continuer' }).click();
      await page.locator('.resume-erreurs').getByRole('link', { name: /IBAN/ }).waitFor();
      expect(await page.locator('#root_iban').getAttribute('aria-invalid')).toBe('true');
      await shot('cotisation-erreur');
      await page.locator('#root_iban').fill('FR7630006000011234567890189');
      await nextStep(page, 'Vos engagements');

      await page.locator('#root_protectionJuridique').check();
      await nextStep(page, 'Vérifiez vos réponses');
      await page.getByText('Hospices civils de Lyon').waitFor();
      await shot('recapitulatif');
      await page.getByRole('button', { name: 'Envoyer ma demande d’adhésion' }).click();
      await poll(() => heading(page)).toBe('Demande envoyée');
      reference = (await page.locator('.reference').textContent()) ?? '';
      expect(reference).toMatch(/^[A-Z]+-\d{4}-\d{6}$/);
      await shot('confirmation');

      await page.getByRole('link', { name: 'Voir tous mes dossiers' }).click();
      await page.getByRole('link', { name: new RegExp(reference) }).click();
      await poll(() => heading(page)).toContain(reference);
      dossierId = new URL(page.url()).pathname.split('/').pop() ?? '';
      expect(citizen.problems).toEqual([]);
    } finally {
      await citizen.context.close();
    }

    // The local union of the health sector in Lyon: its agent finds and validates it.
    const union = await openPage(browser, server.url);
    const agentPage = union.page;
    try {
      await agentPage.goto('/agent/');
      await agentPage
        .getByRole('heading', { level: 1, name: 'Connexion à l’espace agents' })
        .waitFor();
      await agentPage
        .getByLabel('Adresse e-mail professionnelle')
        .fill('syndicat@demo.guichet.localhost');
      await agentPage.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
      await agentPage.getByRole('button', { name: 'Se connecter' }).click();
      await agentPage
        .getByRole('listbox', { name: 'Dossiers de la file' })
        .getByRole('option', { name: new RegExp(reference) })
        .click();
      await agentPage.getByRole('heading', { level: 1, name: `Dossier ${reference}` }).waitFor();
      expect(agentPage.url()).toContain(`/agent/dossiers/${dossierId}`);
      await agentPage.getByText('Hospices civils de Lyon').first().waitFor();
      await expectAccessible(agentPage, 'adhesion-agent-dossier');

      await agentPage.keyboard.press('a');
      await agentPage
        .getByRole('dialog', { name: 'Actions possibles' })
        .getByRole('button', { name: 'Valider l’adhésion' })
        .click();
      await agentPage.getByRole('dialog', { name: 'Valider l’adhésion' }).waitFor();
      await agentPage.getByRole('button', { name: 'Confirmer' }).click();
      await agentPage
        .getByRole('status')
        .filter({ hasText: 'Action « Valider l’adhésion » enregistrée.' })
        .waitFor();
      await agentPage.getByText('Adhérent actif').first().waitFor();
      await expectAccessible(agentPage, 'adhesion-agent-validee');
      expect(union.problems).toEqual([]);
    } finally {
      await union.context.close();
    }
  });
});
