import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../runtime/server/demo/seedDemo.ts';
import { expectAccessible } from './support/accessibility.ts';
import { launchChromium, openPage } from './support/browser.ts';
import { heading, nextStep, poll, stepTitle } from './support/citizenPage.ts';
import { type GuichetServer, startGuichet } from './support/guichetServer.ts';

// The APA à domicile template in the browser: an applicant (or the relative helping
// them) fills six steps, the spouse's step skipped for a person living alone, and joins
// three documents (a file of the wrong type refused before it is sent); the MDS of
// Villeurbanne declares the file complete, is told in the admin's words that a GIR 5
// opens no right, proposes a plan; the applicant accepts it; the MDS grants the APA and
// the decision letter reaches the applicant's dossier. axe on every page.
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

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);

async function citizenSignIn(page: Page, back: string): Promise<void> {
  await page.goto(`/connexion?retour=${encodeURIComponent(back)}`);
  await page.getByLabel('Adresse électronique').fill('citoyen@demo.guichet.localhost');
  await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

async function agentSignIn(page: Page): Promise<void> {
  await page.goto('/agent/');
  await page.getByLabel('Adresse e-mail professionnelle').fill('mds@demo.guichet.localhost');
  await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('listbox', { name: 'Dossiers de la file' }).waitFor();
}

/** Opens the actions dialog and fires `label`; the dialog of that action stays open. */
async function openAction(page: Page, label: string): Promise<void> {
  await page.keyboard.press('a');
  await page
    .getByRole('dialog', { name: 'Actions possibles' })
    .getByRole('button', { name: label })
    .click();
  await page.getByRole('dialog', { name: label }).waitFor();
}

async function recorded(page: Page, label: string): Promise<void> {
  await page
    .getByRole('status')
    .filter({ hasText: `Action « ${label} » enregistrée.` })
    .waitFor();
}

describe('the APA à domicile template', () => {
  it('an applicant applies with documents, the MDS evaluates, the applicant accepts the plan, the APA is granted', async () => {
    const applicant = await openPage(browser, server.url);
    const page = applicant.page;
    const shot = (name: string) => expectAccessible(page, `apa-${name}`);
    let dossierPath = '';
    let reference = '';
    try {
      await citizenSignIn(page, '/demarches/apa-domicile');
      await poll(() => heading(page)).toBe('Allocation personnalisée d’autonomie à domicile');
      await page.getByRole('button', { name: 'Commencer la démarche' }).click();
      await poll(() => stepTitle(page)).toBe('Vous');

      await page.getByLabel('Madame').check();
      await page.locator('#root_nom').fill('Lefèvre');
      await page.locator('#root_prenom').fill('Jeanne');
      // Too young first: the admin's own rule, on its field.
      await page.locator('#root_naissance').fill('1990-06-03');
      await page.locator('#root_email').fill('jeanne.lefevre@example.fr');
      await page.locator('#root_telephone').fill('0478123456');
      await page.locator('#root_adresse').fill('8 rue Francis de Pressensé');
      await page.locator('#root_codePostal').fill('69100');
      await page.locator('#root_commune').fill('Villeurbanne');
      await page.getByRole('button', { name: 'Continuer' }).click();
      await page
        .locator('.resume-erreurs')
        .getByText('L’APA est réservée aux personnes de 60 ans et plus à la date de la demande.')
        .waitFor();
      await shot('demandeur-erreur');
      await page.locator('#root_naissance').fill('1941-06-03');
      await nextStep(page, 'Votre foyer');

      // Living alone: the spouse's step is not shown.
      await page.getByLabel('Vous vivez seul(e)').check();
      await nextStep(page, 'Vos ressources et vos aides');
      await page.locator('#root_revenuFiscalReference').fill('16400');
      await page.getByLabel('Téléassistance').check();
      await page.getByLabel('Un proche vous aide régulièrement').check();
      await shot('ressources');
      await nextStep(page, 'Vos justificatifs');

      // A file of a type the field does not take is refused before it is sent.
      await page
        .locator('#root_pieceIdentite')
        .setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('x') });
      await page
        .getByRole('alert')
        .filter({ hasText: 'Ce type de fichier n’est pas accepté. Formats acceptés' })
        .waitFor();
      for (const [field, name] of [
        ['pieceIdentite', 'carte-identite.pdf'],
        ['avisImposition', 'avis-imposition.pdf'],
        ['rib', 'rib.pdf'],
      ] as const) {
        await page
          .locator(`#root_${field}`)
          .setInputFiles({ name, mimeType: 'application/pdf', buffer: PDF });
        await page.getByText(new RegExp(`^${name.replace('.', '\\.')} \\(`)).waitFor();
      }
      await shot('justificatifs');
      await nextStep(page, 'Votre accord');
      await page.locator('#root_consentement').check();
      await nextStep(page, 'Vérifiez vos réponses');
      await page.getByText('3 juin 1941').waitFor();
      await page.getByText('Vous vivez seul(e)').waitFor();
      await page.getByText('avis-imposition.pdf').waitFor();
      await shot('recapitulatif');
      await page.getByRole('button', { name: 'Envoyer ma demande' }).click();
      await poll(() => heading(page)).toBe('Demande envoyée');
      reference = (await page.locator('.reference').textContent()) ?? '';
      await page.getByRole('link', { name: 'Voir tous mes dossiers' }).click();
      await page.getByRole('link', { name: new RegExp(reference) }).click();
      await poll(() => heading(page)).toContain(reference);
      dossierPath = new URL(page.url()).pathname;
      expect(applicant.problems).toEqual([]);
    } finally {
      await applicant.context.close();
    }
    const dossierId = dossierPath.split('/').pop() ?? '';

    const mds = await openPage(browser, server.url);
    const agent = mds.page;
    try {
      await agentSignIn(agent);
      await agent.goto(`/agent/dossiers/${dossierId}`);
      await agent.getByRole('heading', { level: 1, name: `Dossier ${reference}` }).waitFor();
      await agent.getByText('carte-identite.pdf').first().waitFor();
      await agent.getByText('Vous vivez seul(e)').first().waitFor();
      await agent.getByText('Téléassistance').first().waitFor();
      await expectAccessible(agent, 'apa-agent-dossier');

      await openAction(agent, 'Déclarer le dossier complet');
      await agent.getByRole('button', { name: 'Confirmer' }).click();
      await recorded(agent, 'Déclarer le dossier complet');

      const evaluation = 'Enregistrer l’évaluation et proposer un plan d’aide';
      await openAction(agent, evaluation);
      const dialog = agent.getByRole('dialog', { name: evaluation });
      await dialog.getByLabel('Date de la visite à domicile').fill('2026-12-10');
      await dialog.getByLabel('GIR (grille AGGIR)').fill('5');
      await dialog.getByLabel('Plan d’aide (heures et services)').fill('Aide ménagère');
      await dialog.getByLabel('Montant mensuel du plan (€)').fill('100');
      await dialog.getByLabel(/^Participation/).fill('10');
      await dialog.getByRole('button', { name: 'Confirmer' }).click();
      await dialog
        .getByText('Un GIR 5 ou 6 n’ouvre pas droit à l’APA : enregistrez plutôt un refus.')
        .first()
        .waitFor();
      await expectAccessible(agent, 'apa-agent-gir5');
      await dialog.getByLabel('GIR (grille AGGIR)').fill('4');
      await dialog
        .getByLabel('Plan d’aide (heures et services)')
        .fill('12 heures d’aide à domicile par mois, téléassistance');
      await dialog.getByLabel('Montant mensuel du plan (€)').fill('310.5');
      await dialog.getByLabel(/^Participation/).fill('42');
      await dialog.getByRole('button', { name: 'Confirmer' }).click();
      await recorded(agent, evaluation);
      expect(mds.problems).toEqual([]);
    } finally {
      await mds.context.close();
    }

    const back = await openPage(browser, server.url);
    try {
      await citizenSignIn(back.page, dossierPath);
      await poll(() => heading(back.page)).toContain(reference);
      await back.page.getByRole('button', { name: 'J’accepte le plan d’aide' }).click();
      await back.page.getByRole('button', { name: 'Oui, j’accepte le plan d’aide' }).click();
      await back.page.getByText('En attente de décision').first().waitFor();
      await expectAccessible(back.page, 'apa-plan-accepte');
      expect(back.problems).toEqual([]);
    } finally {
      await back.context.close();
    }

    const decision = await openPage(browser, server.url);
    try {
      await agentSignIn(decision.page);
      await decision.page.goto(`/agent/dossiers/${dossierId}`);
      await decision.page
        .getByRole('heading', { level: 1, name: `Dossier ${reference}` })
        .waitFor();
      await openAction(decision.page, 'Accorder l’APA');
      await decision.page.getByRole('button', { name: 'Confirmer' }).click();
      await recorded(decision.page, 'Accorder l’APA');
      await decision.page.getByText('APA accordée').first().waitFor();
      expect(decision.problems).toEqual([]);
    } finally {
      await decision.context.close();
    }
  });
});
