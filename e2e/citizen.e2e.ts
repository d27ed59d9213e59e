import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TENANT } from '../runtime/server/demo/seedDemo.ts';
import { createTestClient } from '../runtime/server/testing/testClient.ts';
import { expectAccessible } from './support/accessibility.ts';
import { launchChromium, openPage, VIEWPORTS } from './support/browser.ts';
import { heading, poll, stepTitle } from './support/citizenPage.ts';
import { type GuichetServer, startGuichet } from './support/guichetServer.ts';
import { mailedLink } from './support/mailedLink.ts';

// The citizen's journey on the demo démarche (aide-sociale, two steps and a review):
// log in, fill a step, fail a check, leave, come back to the draft, submit, find the
// dossier in « Mes dossiers ». Every page passes axe, under the strict CSP.
let server: GuichetServer;
let browser: Browser;

const citizen = DEMO_ACCOUNTS.find((account) => account.kind === 'citizen')!;
const agent = DEMO_ACCOUNTS.find((account) => account.role === 'agent')!;
/** The citizen the desktop run signs up. */
const camille = {
  email: 'camille.durand@example.fr',
  password: 'Une phrase de passe assez longue 2026',
};

beforeAll(async () => {
  server = await startGuichet();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the citizen front office', () => {
  for (const [width, viewport] of Object.entries(VIEWPORTS)) {
    it(`(${width}) fills the demo démarche over several steps, resumes the draft, submits, finds it`, async () => {
      const { page, context, problems } = await openPage(browser, server.url, viewport);
      const shot = (name: string) => expectAccessible(page, `citoyen-${width}-${name}`);
      try {
        await page.goto('/');
        await page.getByRole('link', { name: 'Demande d’aide sociale' }).click();
        await poll(() => heading(page)).toBe('Demande d’aide sociale');
        await page.getByText('Ce qu’il faut préparer').waitFor();
        await shot('demarche');

        await page.getByRole('link', { name: 'Se connecter pour commencer' }).click();
        await poll(() => heading(page)).toBe('Se connecter');
        await shot('connexion');
        const account: { email: string; password: string } = {
          email: citizen.email,
          password: DEMO_PASSWORD,
        };
        if (width === 'desktop') {
          // The other run signs up a citizen of its own (and proves sign-up works).
          account.email = camille.email;
          account.password = camille.password;
          await page.getByRole('link', { name: 'Créer un compte' }).click();
          await poll(() => heading(page)).toBe('Créer un compte');
          await page.getByLabel('Nom et prénom').fill('Camille Durand');
          await page.getByLabel('Adresse électronique').fill(account.email);
          await page.getByLabel('Mot de passe').fill(account.password);
          await shot('inscription');
          await page.getByRole('button', { name: 'Créer mon compte' }).click();
          await poll(() => heading(page)).toBe('Compte créé');
          // A new account files dossiers once its address is confirmed (e2e/accounts.e2e.ts).
          await page.goto(await mailedLink(server.mail, account.email, '/confirmer'));
          await poll(() => heading(page)).toBe('Adresse e-mail confirmée');
          await page.goto('/connexion?retour=%2Fdemarches%2Faide-sociale');
        }
        await page.getByLabel('Adresse électronique').fill(account.email);
        await page.getByLabel('Mot de passe').fill(account.password);
        await page.getByRole('button', { name: 'Se connecter' }).click();
        await poll(() => heading(page)).toBe('Demande d’aide sociale');

        await page.getByRole('button', { name: 'Commencer la démarche' }).click();
        await page.getByText('Étape 1 sur 3').waitFor();
        await poll(() => stepTitle(page)).toBe('Votre identité');
        await shot('etape-1');

        // Leaving a step with its answers missing: the summary lists them, linked.
        await page.getByRole('button', { name: 'Continuer' }).click();
        const summary = page.locator('.resume-erreurs');
        await summary.waitFor();
        expect(await summary.getByRole('link').count()).toBe(3);
        await expect
          .poll(() => page.evaluate(() => document.activeElement?.className))
          .toBe('resume-erreurs');
        await shot('etape-1-erreurs');
        await summary.getByRole('link', { name: /^Nom/ }).click();
        await poll(() => page.evaluate(() => document.activeElement?.id)).toBe('root_nom');
        expect(await page.locator('#root_nom').getAttribute('aria-invalid')).toBe('true');

        await page.locator('#root_nom').fill('Martin');
        await page.locator('#root_prenom').fill('Claire');
        await page.locator('#root_email').fill('claire.martin@example.fr');
        await page.getByRole('button', { name: 'Continuer' }).click();
        await page.getByText('Étape 2 sur 3').waitFor();
        await poll(() => stepTitle(page)).toBe('Votre foyer et vos ressources');
        // Focus moved to the step's title.
        await expect
          .poll(() => page.evaluate(() => document.activeElement?.id))
          .toBe('titre-etape');

        // A couple must name the spouse (the form's condition, decided by the precompiled validators).
        await page.locator('#root_situation').selectOption({ label: 'couple' });
        await page.locator('#root_revenuMensuel').fill('1200');
        await page.getByRole('button', { name: 'Continuer' }).click();
        await summary.getByRole('link', { name: /Nom du conjoint/ }).waitFor();
        await shot('etape-2-erreurs');
        await page.locator('#root_conjoint').fill('Martin');
        await page.locator('#root_conjoint').blur();
        await page.getByText('Vos réponses sont enregistrées.').waitFor();

        // Leave, come back later: the draft is in « Mes dossiers » with its answers.
        await page.getByRole('link', { name: 'Mes dossiers' }).click();
        await poll(() => heading(page)).toBe('Mes dossiers');
        await page.getByText('Brouillon — pas encore envoyé').first().waitFor();
        await shot('mes-dossiers-brouillon');
        await page.getByRole('link', { name: 'Reprendre ce brouillon' }).first().click();
        await page.getByText('Étape 1 sur 3').waitFor();
        expect(await page.locator('#root_nom').inputValue()).toBe('Martin');
        await page.getByRole('button', { name: 'Continuer' }).click();
        await page.getByText('Étape 2 sur 3').waitFor();
        expect(await page.locator('#root_conjoint').inputValue()).toBe('Martin');
        await page.getByRole('button', { name: 'Continuer' }).click();
        await page.getByText('Étape 3 sur 3').waitFor();
        await poll(() => stepTitle(page)).toBe('Vérifiez vos réponses');
        await page.getByText('claire.martin@example.fr').waitFor();
        await shot('recapitulatif');

        await page.getByRole('button', { name: 'Déposer ma demande' }).click();
        await poll(() => heading(page)).toBe('Demande envoyée');
        const reference = (await page.locator('.reference').textContent()) ?? '';
        expect(reference).toMatch(/^[A-Z]+-\d{4}-\d{6}$/);
        await shot('confirmation');

        await page.getByRole('link', { name: 'Voir tous mes dossiers' }).click();
        await page.getByRole('link', { name: new RegExp(reference) }).click();
        await poll(() => heading(page)).toContain(reference);
        await page.getByText('Historique').waitFor();
        await page.getByText('Déposer ma demande → Déposé').waitFor();
        await shot('dossier');

        await page.getByRole('button', { name: 'Se déconnecter' }).click();
        await poll(() => heading(page)).toBe('Démarches disponibles');
        await page.getByRole('link', { name: 'Se connecter' }).waitFor();
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
  it('(desktop) answers a request for complement in place, writes to the service, downloads the decision letter', async () => {
    const { page, context, problems } = await openPage(browser, server.url);
    const shot = (name: string) => expectAccessible(page, `citoyen-complement-${name}`);
    try {
      await page.goto('/connexion?retour=%2Fmes-dossiers');
      await page.getByLabel('Adresse électronique').fill(camille.email);
      await page.getByLabel('Mot de passe').fill(camille.password);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await poll(() => heading(page)).toBe('Mes dossiers');
      await page.getByRole('link', { name: /Demande d’aide sociale — / }).click();
      await poll(() => heading(page)).toContain('Demande d’aide sociale —');
      const id = new URL(page.url()).pathname.split('/').pop()!;

      // The agent takes the dossier and asks for a complement, through the API.
      const staff = createTestClient(server.url);
      await staff.trpc.auth.login.mutate({
        tenant: DEMO_TENANT,
        email: agent.email,
        password: DEMO_PASSWORD,
      });
      const deposited = await staff.trpc.dossiers.get.query({ id });
      await staff.trpc.dossiers.act.mutate({
        id,
        transition: 'prendre_en_charge',
        revision: deposited.revision,
      });
      const taken = await staff.trpc.dossiers.get.query({ id });
      await staff.trpc.dossiers.act.mutate({
        id,
        transition: 'demander_complement',
        revision: taken.revision,
        input: { message: 'Merci de préciser votre revenu mensuel exact.' },
      });

      await page.reload();
      await page.getByText('Le service attend un complément').waitFor();
      await page
        .locator('blockquote', { hasText: 'Merci de préciser votre revenu mensuel exact.' })
        .first()
        .waitFor();
      await shot('demande');
      await page.getByRole('link', { name: 'Compléter mon dossier' }).click();
      await page.getByText('Étape 1 sur 3').waitFor();
      await page.getByRole('button', { name: 'Continuer' }).click();
      await page.getByText('Étape 2 sur 3').waitFor();
      await page.locator('#root_revenuMensuel').fill('1180');
      await page.getByRole('button', { name: 'Continuer' }).click();
      await page.getByText('Étape 3 sur 3').waitFor();
      await page.getByText('1 180').waitFor();
      await page.getByRole('button', { name: 'Envoyer le complément' }).click();
      await poll(() => heading(page)).toBe('Demande envoyée');
      await page.getByText('État : En instruction.').waitFor();

      await page.getByRole('link', { name: 'Suivre ce dossier' }).click();
      await page.getByText('Envoyer le complément → En instruction').waitFor();
      await page.getByLabel('Écrire au service').fill('Merci, je reste disponible.');
      await page.getByRole('button', { name: 'Envoyer le message' }).click();
      await page.locator('.message-texte', { hasText: 'Merci, je reste disponible.' }).waitFor();
      await shot('apres');
      const messages = await staff.trpc.dossiers.messages.list.query({ dossierId: id });
      expect(messages.map((message) => message.body)).toContain('Merci, je reste disponible.');

      // The agent decides; the worker makes the decision letter, which the citizen
      // downloads from the dossier's page and reads.
      const instructed = await staff.trpc.dossiers.get.query({ id });
      await staff.trpc.dossiers.act.mutate({
        id,
        transition: 'accepter',
        revision: instructed.revision,
      });
      const reference = instructed.reference!;
      const letterLink = page.getByRole('link', {
        name: 'Télécharger « Notification d’accord » (PDF)',
      });
      await expect
        .poll(
          async () => {
            await page.reload();
            await page.getByText('Historique').waitFor();
            return letterLink.count();
          },
          { timeout: 60_000, interval: 2_000 },
        )
        .toBe(1);
      await page.getByText('Accepter → Accepté').waitFor();
      await shot('decision');
      const [download] = await Promise.all([page.waitForEvent('download'), letterLink.click()]);
      const pdf = new Uint8Array(await readFile(await download.path()));
      expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe('%PDF-');
      const { text } = await extractText(await getDocumentProxy(pdf), { mergePages: true });
      expect(text).toContain(`Référence : ${reference}`);
      expect(text).toContain('Notification d’accord');
      expect(text).toContain('votre demande est acceptée');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
  it('tells a conflict with another tab and keeps both tabs’ answers', async () => {
    const { page, context, problems } = await openPage(browser, server.url, VIEWPORTS.phone);
    try {
      await page.goto('/connexion?retour=%2Fdemarches%2Faide-sociale');
      await page.getByLabel('Adresse électronique').fill(citizen.email);
      await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await page.getByRole('button', { name: 'Commencer la démarche' }).click();
      await page.getByText('Étape 1 sur 3').waitFor();
      const other = await context.newPage();
      await other.goto(page.url());
      await other.getByText('Étape 1 sur 3').waitFor();

      await page.locator('#root_nom').fill('Martin');
      await page.locator('#root_nom').blur();
      await page.getByText('Vos réponses sont enregistrées.').waitFor();

      await other.locator('#root_prenom').fill('Claire');
      await other.locator('#root_prenom').blur();
      await other.getByText('Ce dossier a été modifié ailleurs').waitFor();
      await expectAccessible(other, 'citoyen-conflit');
      expect(await other.locator('#root_prenom').inputValue()).toBe('Claire');
      await other.getByRole('button', { name: 'Garder mes modifications de cette page' }).click();
      await other.getByText('Vos réponses sont enregistrées.').waitFor();
      expect(await other.locator('#root_nom').inputValue()).toBe('Martin');

      await page.reload();
      await page.getByText('Étape 1 sur 3').waitFor();
      expect(await page.locator('#root_nom').inputValue()).toBe('Martin');
      expect(await page.locator('#root_prenom').inputValue()).toBe('Claire');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
