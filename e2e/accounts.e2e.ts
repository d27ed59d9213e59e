import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './support/accessibility.ts';
import { launchChromium, openPage } from './support/browser.ts';
import { heading, poll } from './support/citizenPage.ts';
import { type GuichetServer, startGuichet } from './support/guichetServer.ts';
import { mailedLink } from './support/mailedLink.ts';

// A citizen's account life through the mails the server sends (its worker, a real SMTP
// server): sign up, be told to confirm before submitting, confirm, submit, download the
// receipt; then forget the password, reset it by mail and find the old session ended.
// Every new page passes axe, under the strict CSP.
let server: GuichetServer;
let browser: Browser;

const dominique = {
  name: 'Dominique Lefèvre',
  email: 'dominique.lefevre@example.fr',
  password: 'Ma phrase de passe du guichet 2026',
  next: 'Une autre phrase de passe bien à moi',
  changed: 'Encore une phrase choisie depuis mon compte',
};

beforeAll(async () => {
  server = await startGuichet();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function logIn(page: Page, password: string, back = '/mes-dossiers'): Promise<void> {
  await page.goto(`/connexion?retour=${encodeURIComponent(back)}`);
  await page.getByLabel('Adresse électronique').fill(dominique.email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

/** From the first step of the demo démarche to its review, with valid answers. */
async function fillToReview(page: Page): Promise<void> {
  await page.getByText('Étape 1 sur 3').waitFor();
  await page.locator('#root_nom').fill('Lefèvre');
  await page.locator('#root_prenom').fill('Dominique');
  await page.locator('#root_email').fill(dominique.email);
  await page.getByRole('button', { name: 'Continuer' }).click();
  await page.getByText('Étape 2 sur 3').waitFor();
  await page.locator('#root_situation').selectOption({ label: 'seul' });
  await page.locator('#root_revenuMensuel').fill('950');
  await page.getByRole('button', { name: 'Continuer' }).click();
  await page.getByText('Étape 3 sur 3').waitFor();
}

/** From « Mes dossiers » through the saved draft's steps to its review. */
async function resumeDraft(page: Page): Promise<void> {
  await page.goto('/mes-dossiers');
  await page.getByRole('link', { name: 'Reprendre ce brouillon' }).first().click();
  await page.getByText('Étape 1 sur 3').waitFor();
  await page.getByRole('button', { name: 'Continuer' }).click();
  await page.getByText('Étape 2 sur 3').waitFor();
  await page.getByRole('button', { name: 'Continuer' }).click();
  await page.getByText('Étape 3 sur 3').waitFor();
}

describe('a citizen account', () => {
  it('signs up, is asked to confirm before submitting, confirms by mail, submits and downloads the receipt', async () => {
    const { page, context, problems } = await openPage(browser, server.url);
    const shot = (name: string) => expectAccessible(page, `compte-${name}`);
    try {
      await page.goto('/inscription');
      await page.getByLabel('Nom et prénom').fill(dominique.name);
      await page.getByLabel('Adresse électronique').fill(dominique.email);
      await page.getByLabel('Mot de passe').fill(dominique.password);
      await page.getByRole('button', { name: 'Créer mon compte' }).click();
      await poll(() => heading(page)).toBe('Compte créé');
      await page.getByText('un e-mail de confirmation vient de vous être envoyé').waitFor();

      // Unconfirmed: logging in works, « Mes dossiers » says what to do.
      await logIn(page, dominique.password);
      await poll(() => heading(page)).toBe('Mes dossiers');
      await page.getByRole('heading', { name: 'Confirmez votre adresse e-mail' }).waitFor();
      await shot('mes-dossiers-non-confirme');

      await page.goto('/demarches/aide-sociale');
      await page.getByRole('button', { name: 'Commencer la démarche' }).click();
      await fillToReview(page);
      // Back to the draft as saved (the review of a form filled from scratch offers the
      // action only once the page is reloaded with the saved answers).
      await resumeDraft(page);
      await page.getByRole('button', { name: 'Déposer ma demande' }).click();
      const summary = page.locator('.resume-erreurs');
      await summary.getByText('Confirmez d’abord votre adresse e-mail').waitFor();
      await shot('depot-refuse-non-confirme');
      await page.getByRole('button', { name: 'Renvoyer le lien de confirmation' }).click();
      await page.getByText('Un nouveau lien de confirmation vient d’être envoyé').waitFor();
      await shot('lien-renvoye');

      // The resent link (the second mail) confirms; the address bar forgets the token.
      await page.goto(await mailedLink(server.mail, dominique.email, '/confirmer', 2));
      await poll(() => heading(page)).toBe('Adresse e-mail confirmée');
      expect(new URL(page.url()).hash).toBe('');
      await shot('adresse-confirmee');

      await page.getByRole('link', { name: 'Voir mes dossiers' }).click();
      await poll(() => heading(page)).toBe('Mes dossiers');
      await resumeDraft(page);
      await page.getByRole('button', { name: 'Déposer ma demande' }).click();
      await poll(() => heading(page)).toBe('Demande envoyée');
      const reference = (await page.locator('.reference').textContent()) ?? '';
      expect(reference).toMatch(/^[A-Z]+-\d{4}-\d{6}$/);
      await shot('confirmation-avec-recu');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Télécharger l’accusé de réception (PDF)' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`accuse-de-reception-${reference}.pdf`);
      const pdf = new Uint8Array(await readFile(await download.path()));
      const { text } = await extractText(await getDocumentProxy(pdf), { mergePages: true });
      expect(text).toContain('Accusé de réception');
      expect(text).toContain('Commune de démonstration');
      expect(text).toContain('Demande d’aide sociale');
      expect(text).toContain(reference);
      expect(text).toMatch(/Déposé le \d{1,2}(er)? \S+ \d{4} à \d{1,2} h/);
      expect(text).toContain('Lefèvre');

      // The dossier's own page offers it too.
      await page.getByRole('link', { name: 'Suivre ce dossier' }).click();
      await poll(() => heading(page)).toContain(reference);
      await page.getByRole('button', { name: 'Télécharger l’accusé de réception (PDF)' }).waitFor();
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('resets a forgotten password by mail; the old session is over and the new password works', async () => {
    const before = await openPage(browser, server.url);
    const { page, context, problems } = await openPage(browser, server.url);
    const shot = (name: string) => expectAccessible(page, `compte-${name}`);
    try {
      // Another browser stays signed in with the old password.
      await logIn(before.page, dominique.password);
      await poll(() => heading(before.page)).toBe('Mes dossiers');

      await page.goto('/connexion');
      await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
      await poll(() => heading(page)).toBe('Mot de passe oublié');
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('titre-page');
      await shot('mot-de-passe-oublie');
      await page.getByLabel('Adresse électronique').fill(dominique.email);
      await page.getByRole('button', { name: 'Recevoir un lien' }).click();
      await poll(() => heading(page)).toBe('Vérifiez votre messagerie');
      await page.getByText('Si un compte existe avec cette adresse').waitFor();
      await shot('mot-de-passe-oublie-envoye');

      const link = await mailedLink(server.mail, dominique.email, '/reinitialiser');
      await page.goto(link);
      await poll(() => heading(page)).toBe('Choisir un nouveau mot de passe');
      expect(new URL(page.url()).hash).toBe('');
      await shot('reinitialiser');
      await page.getByLabel('Nouveau mot de passe').fill('motdepasse');
      await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
      await page.locator('#reinit-mot-de-passe-erreur').waitFor();
      expect(await page.getByLabel('Nouveau mot de passe').getAttribute('aria-invalid')).toBe(
        'true',
      );
      await shot('reinitialiser-erreur');
      await page.getByLabel('Nouveau mot de passe').fill(dominique.next);
      await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
      await poll(() => heading(page)).toBe('Mot de passe changé');
      await shot('mot-de-passe-change');

      // The link worked once (a full load: from /reinitialiser only the fragment would change).
      await page.goto('/');
      await page.goto(link);
      await page.getByLabel('Nouveau mot de passe').fill(`${dominique.next} encore`);
      await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click();
      await poll(() => heading(page)).toBe('Lien de réinitialisation non valable');
      await shot('lien-reinitialisation-mort');

      // The browser signed in before the reset is signed out.
      await before.page.reload();
      await before.page.getByRole('link', { name: 'Connectez-vous' }).waitFor();
      await logIn(before.page, dominique.password);
      await before.page.getByText('Identifiant ou mot de passe incorrect.').waitFor();

      await logIn(page, dominique.next);
      await poll(() => heading(page)).toBe('Mes dossiers');
      await page.getByText('Demande d’aide sociale').first().waitFor();
      expect(problems).toEqual([]);
      expect(before.problems).toEqual([]);
    } finally {
      await context.close();
      await before.context.close();
    }
  });

  it('changes the password from « Mon compte »: errors in French, other sessions ended, a mail sent', async () => {
    const other = await openPage(browser, server.url);
    const { page, context, problems } = await openPage(browser, server.url);
    const shot = (name: string) => expectAccessible(page, `compte-${name}`);
    try {
      await logIn(other.page, dominique.next);
      await poll(() => heading(other.page)).toBe('Mes dossiers');
      await logIn(page, dominique.next);
      await poll(() => heading(page)).toBe('Mes dossiers');
      await page.getByRole('link', { name: 'Mon compte' }).click();
      await poll(() => heading(page)).toBe('Mon compte');
      await page.getByText(dominique.email).waitFor();
      await shot('mon-compte');

      // A wrong current password: said in French, tied to its field, which takes the focus.
      await page.getByLabel('Mot de passe actuel').fill('pas le bon mot de passe');
      await page.locator('#compte-next').fill(dominique.changed);
      await page.getByLabel('Nouveau mot de passe, une seconde fois').fill(dominique.changed);
      await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
      await page.locator('#compte-current-erreur').waitFor();
      expect(await page.locator('#compte-current-erreur').textContent()).toBe(
        'Le mot de passe actuel est incorrect.',
      );
      await poll(() => page.evaluate(() => document.activeElement?.id)).toBe('compte-current');
      expect(await page.getByLabel('Mot de passe actuel').getAttribute('aria-invalid')).toBe(
        'true',
      );
      await shot('mon-compte-erreur');

      // A weak new one is refused by the sign-up rules, on the new password's field.
      await page.getByLabel('Mot de passe actuel').fill(dominique.next);
      await page.locator('#compte-next').fill('court');
      await page.getByLabel('Nouveau mot de passe, une seconde fois').fill('court');
      await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
      await page
        .getByText('Le mot de passe doit contenir au moins 12 caractères.')
        .first()
        .waitFor();
      await poll(() => page.evaluate(() => document.activeElement?.id)).toBe('compte-next');

      await page.getByLabel('Mot de passe actuel').fill(dominique.next);
      await page.locator('#compte-next').fill(dominique.changed);
      await page.getByLabel('Nouveau mot de passe, une seconde fois').fill(dominique.changed);
      await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
      await page.getByText('Votre mot de passe a été changé.').waitFor();
      await shot('mon-compte-change');

      // This browser stays signed in, the other one is out, and the owner got a mail.
      await page.goto('/mes-dossiers');
      await poll(() => heading(page)).toBe('Mes dossiers');
      await page.getByRole('link', { name: 'Mon compte' }).waitFor();
      await other.page.reload();
      await other.page.getByRole('link', { name: 'Connectez-vous' }).waitFor();
      await expect
        .poll(
          () =>
            server.mail.messages.filter(
              (mail) =>
                mail.recipients.includes(dominique.email) &&
                mail.subject.startsWith('Votre mot de passe a été modifié'),
            ).length,
          { timeout: 30_000 },
        )
        .toBe(1);
      expect(problems).toEqual([]);
      expect(other.problems).toEqual([]);
    } finally {
      await context.close();
      await other.context.close();
    }
  });
});
