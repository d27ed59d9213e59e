import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../runtime/server/demo/seedDemo.ts';
import { sampleDefinition } from '../runtime/server/security/testing/sampleWorld.ts';
import type { DemarcheDefinition } from '../shared/definition/types.ts';
import { expectAccessible } from './support/accessibility.ts';
import { launchChromium, openPage } from './support/browser.ts';
import { heading, poll } from './support/citizenPage.ts';
import { demoApi } from './support/demoApi.ts';
import { type GuichetServer, startGuichet } from './support/guichetServer.ts';

// A démarche open to visitors without an account (`access.anonymous`) is published by the
// demo admin; a visitor files it and follows it with the tracking code on another
// browser; a citizen with an account keeps a proof of address in « Mes documents » and
// attaches it to the same form instead of uploading it. axe on every new page.
let server: GuichetServer;
let browser: Browser;

const SLUG = 'signalement-sans-compte';
const TITLE = 'Signalement sans compte';
const admin = DEMO_ACCOUNTS.find((account) => account.role === 'admin')!;
const citizen = DEMO_ACCOUNTS.find((account) => account.kind === 'citizen')!;
/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

beforeAll(async () => {
  server = await startGuichet();
  browser = await launchChromium();
  const api = await demoApi(server.url, admin.email);
  const definition = sampleDefinition(SLUG) as unknown as DemarcheDefinition;
  definition.meta.title = TITLE;
  definition.access = { anonymous: true };
  const created = await api.demarches.create.mutate({ slug: SLUG, title: TITLE });
  const saved = await api.demarches.saveDraft.mutate({
    id: created.id,
    draft: definition as unknown as ReturnType<typeof sampleDefinition>,
    revision: created.draftRevision,
  });
  await api.demarches.publish.mutate({ id: created.id, revision: saved.draftRevision });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The `/suivi#code=…` link of the mail about `reference`, once the worker has sent it. */
async function mailedTrackingLink(reference: string): Promise<string> {
  const mail = () =>
    server.mail.messages.find(
      (message) =>
        message.recipients.includes('claire.martin@example.fr') &&
        message.subject.startsWith(`Votre demande ${reference}`),
    );
  await expect.poll(() => mail() !== undefined, { timeout: 30_000 }).toBe(true);
  expect(mail()!.text).toContain(`Sa référence : ${reference}`);
  const code = /\/suivi#code=([0-9A-Z-]{39})/.exec(mail()!.text)?.[1];
  expect(code).toBeDefined();
  return `/suivi#code=${code}`;
}

/** Fills the one step of the form and sends it from the review. */
async function fillAndSubmit(page: Page): Promise<string> {
  await page.locator('#root_nom').fill('Martin');
  await page.locator('#root_prenom').fill('Claire');
  await page.locator('#root_email').fill('claire.martin@example.fr');
  await page.locator('#root_revenuMensuel').fill('900');
  await page.locator('#root_situation').selectOption({ label: 'seul' });
  await page.locator('#root_situation').blur();
  await page.getByText('Vos réponses sont enregistrées.').waitFor({ timeout: 20_000 });
  // As the citizen journey does: the review's action is chosen from the dossier as it
  // was loaded (an empty draft cannot be submitted yet), so come back to the saved draft.
  await page.reload();
  await page.getByText('Étape 1 sur 2').waitFor({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Continuer' }).click();
  await poll(async () => (await page.locator('#titre-etape').textContent()) ?? '').toBe(
    'Vérifiez vos réponses',
  );
  await page.getByRole('button', { name: 'Déposer ma demande' }).click();
  await poll(() => heading(page)).toBe('Demande envoyée');
  return (await page.locator('.reference').textContent()) ?? '';
}

describe('dossiers without an account and the document safe', () => {
  it('files a dossier without an account, gets its code once, and follows it on another browser', async () => {
    const visitor = await openPage(browser, server.url);
    const { page } = visitor;
    await page.goto(`/demarches/${SLUG}`);
    await poll(() => heading(page)).toBe(TITLE);
    await expectAccessible(page, 'sans-compte-demarche');
    await page.getByRole('button', { name: 'Continuer sans compte' }).click();
    await page.getByText('Étape 1 sur 2').waitFor({ timeout: 20_000 });
    const reference = await fillAndSubmit(page);
    expect(reference).toMatch(/^[A-Z]+-\d{4}-\d{6}$/);
    const codeLine = page.getByTestId('code-suivi');
    await codeLine.waitFor({ timeout: 20_000 });
    const code = (await codeLine.textContent()) ?? '';
    expect(code).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    await poll(() => page.evaluate(() => document.activeElement?.id)).toBe('titre-code');
    await expectAccessible(page, 'sans-compte-code');
    expect(visitor.problems).toEqual([]);
    await visitor.context.close();

    // Another browser: the code typed on /suivi opens the dossier.
    const phone = await openPage(browser, server.url);
    await phone.page.goto('/suivi');
    await poll(() => heading(phone.page)).toBe('Suivre un dossier');
    await expectAccessible(phone.page, 'suivi');
    await phone.page.getByLabel('Code de suivi').fill('ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789');
    await phone.page.getByRole('button', { name: 'Voir mon dossier' }).click();
    await phone.page.getByText('Ce code de suivi ne correspond à aucun dossier').waitFor();
    await expectAccessible(phone.page, 'suivi-code-inconnu');
    await phone.page.getByLabel('Code de suivi').fill(code.toLowerCase());
    await phone.page.getByRole('button', { name: 'Voir mon dossier' }).click();
    await poll(() => heading(phone.page)).toContain(reference);
    await phone.page.getByText('Historique').waitFor();
    await expectAccessible(phone.page, 'suivi-dossier');
    expect(phone.problems).toEqual([]);
    await phone.context.close();

    // A link carrying the code opens it too, and the code leaves the address bar.
    const link = await openPage(browser, server.url);
    await link.page.goto(`/suivi#code=${code}`);
    await poll(() => heading(link.page)).toContain(reference);
    expect(new URL(link.page.url()).hash).toBe('');
    expect(link.problems).toEqual([]);
    await link.context.close();

    // The answers gave an address: a mail brings the reference and a code of its own.
    const mailed = await mailedTrackingLink(reference);
    const fromMail = await openPage(browser, server.url);
    await fromMail.page.goto(mailed);
    await poll(() => heading(fromMail.page)).toContain(reference);
    expect(fromMail.problems).toEqual([]);
    await fromMail.context.close();
  });

  it('keeps a document in « Mes documents » and attaches it to a form instead of an upload', async () => {
    const { page, context, problems } = await openPage(browser, server.url);
    await page.goto('/connexion?retour=%2Fmes-documents');
    await page.getByLabel('Adresse électronique').fill(citizen.email);
    await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await poll(() => heading(page)).toBe('Mes documents');
    await page.getByText('Vous n’avez pas encore de document.').waitFor({ timeout: 20_000 });
    await expectAccessible(page, 'mes-documents-vide');

    // An identity card past its end date: kept, flagged, never offered to a form.
    await page.getByLabel('Type de document').selectOption({ label: 'Pièce d’identité' });
    await page.getByLabel('Nom du document').fill('Ancienne carte d’identité');
    await page.getByLabel('Date de fin de validité (obligatoire)').fill('2020-01-31');
    await page
      .getByLabel('Fichier (PDF ou image, 10 Mo au plus)')
      .setInputFiles({ name: 'carte.png', mimeType: 'image/png', buffer: PNG });
    await page.getByRole('button', { name: 'Ajouter à mes documents' }).click();
    await page.getByText('« Ancienne carte d’identité » a été ajouté à vos documents.').waitFor({
      timeout: 20_000,
    });
    await page.getByText('expiré', { exact: true }).waitFor();

    // A proof of address dated ten days ago: valid three months from that date.
    const issued = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('Type de document').selectOption({ label: 'Justificatif de domicile' });
    expect(await page.getByLabel('Nom du document').inputValue()).toBe('Justificatif de domicile');
    await page.getByLabel('Date du document (obligatoire)').fill(issued);
    await page.getByText(/Valable jusqu’au \d{1,2} \S+ \d{4}\./).waitFor();
    await page
      .getByLabel('Fichier (PDF ou image, 10 Mo au plus)')
      .setInputFiles({ name: 'domicile.png', mimeType: 'image/png', buffer: PNG });
    await page.getByRole('button', { name: 'Ajouter à mes documents' }).click();
    await page.getByText('« Justificatif de domicile » a été ajouté à vos documents.').waitFor({
      timeout: 20_000,
    });
    await page.getByRole('button', { name: 'Supprimer Justificatif de domicile' }).waitFor();
    await expectAccessible(page, 'mes-documents');

    // Its owner downloads it: the very bytes sent.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Télécharger Justificatif de domicile' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('domicile.png');
    expect(new Uint8Array(await readFile(await download.path()))).toEqual(new Uint8Array(PNG));

    await page.goto(`/demarches/${SLUG}`);
    await page.getByRole('button', { name: 'Commencer la démarche' }).click();
    await page.getByText('Étape 1 sur 2').waitFor({ timeout: 20_000 });
    const offered = await page
      .getByLabel('Ou joindre un de mes documents')
      .locator('option')
      .allTextContents();
    expect(offered.join('|')).not.toContain('carte.png');
    await page
      .getByLabel('Ou joindre un de mes documents')
      .selectOption({ label: 'Justificatif de domicile (domicile.png)' });
    await page.getByRole('button', { name: 'Joindre ce document' }).click();
    await page.getByRole('button', { name: 'Retirer domicile.png' }).waitFor({ timeout: 20_000 });
    await expectAccessible(page, 'formulaire-document-joint');
    await fillAndSubmit(page);
    expect(problems).toEqual([]);
    await context.close();
  });
});
