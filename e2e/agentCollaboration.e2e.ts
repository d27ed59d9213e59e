import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../runtime/web/api/createApiClient.ts';
import { expectAccessible } from './support/accessibility.ts';
import { launchChromium, openPage } from './support/browser.ts';
import { demoApi, submitAideSociale } from './support/demoApi.ts';
import { type GuichetServer, startGuichet } from './support/guichetServer.ts';
import { holdDossierLock } from './support/holdRowLock.ts';

// The agents working together and in bulk: claim a dossier, write a private comment the
// citizen never sees, hand it to a colleague; tick five dossiers and fire one action on
// them with one refused (a colleague changed it meanwhile), its progress then its report,
// still there after a reload; export the queue as CSV and as XLSX — one dossier downloaded
// at once, five (past the server's at-once limit, set to 4 here) written by the worker as
// durable jobs with a download link — each read back;
// save a view and come back to it; a new colleague accepts an invitation.
// axe on every state, no CSP violation, no script error.
const AGENT = 'agent@demo.guichet.localhost';
const PASSWORD = 'Démonstration du guichet 2026';
let server: GuichetServer;
let browser: Browser;
let citizen: ApiClient;
let otherSession: ApiClient;
let admin: ApiClient;
let single: { id: string; reference: string };
const batch: Array<{ id: string; reference: string }> = [];

beforeAll(async () => {
  // Exports of more than 4 rows go through the worker (1,000 in production).
  server = await startGuichet({ GUICHET_EXPORT_AT_ONCE_ROWS: '4' });
  browser = await launchChromium();
  citizen = await demoApi(server.url, 'citoyen@demo.guichet.localhost');
  otherSession = await demoApi(server.url, AGENT);
  admin = await demoApi(server.url, 'admin@demo.guichet.localhost');
  single = await submitAideSociale(citizen, { nom: 'Collaboratrice' });
  for (const prenom of ['Anne', 'Basile', 'Chloé', 'Denis', 'Élise']) {
    batch.push(await submitAideSociale(citizen, { nom: 'Grouplot', prenom }));
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signIn(page: Page): Promise<void> {
  await page.goto('/agent/');
  await page.getByRole('heading', { level: 1, name: 'Connexion à l’espace agents' }).waitFor();
  await page.getByLabel('Adresse e-mail professionnelle').fill(AGENT);
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Dossiers à traiter' }).waitFor();
}

const rows = (page: Page) =>
  page.getByRole('listbox', { name: 'Dossiers de la file' }).getByRole('option');

async function search(page: Page, words: string, count: number): Promise<void> {
  // The queue is on screen (its first page loaded) before `/` is pressed.
  await rows(page).first().waitFor({ timeout: 20_000 });
  await page.keyboard.press('/');
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('recherche');
  await page.keyboard.type(words);
  await page.keyboard.press('Enter');
  try {
    await expect.poll(() => rows(page).count(), { timeout: 20_000 }).toBe(count);
  } catch (error) {
    throw new Error(`search ${words}: ${page.url()}`, { cause: error });
  }
}

/** Splits CSV text into rows of cells (quoted cells may hold `;` and `""`). */
function parseCsv(text: string): string[][] {
  const table: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ';') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      table.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += char;
  }
  return table;
}

describe('agents together and in bulk', () => {
  it('claims a dossier, comments it privately, follows it and hands it to a colleague', async () => {
    const { page, context, problems } = await openPage(browser, server.url);
    try {
      await signIn(page);
      await search(page, 'Collaboratrice', 1);
      // One row: within the at-once limit, the CSV downloads straight away.
      const [singleCsv] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Exporter cette file en CSV' }).click(),
      ]);
      const singleLines = parseCsv(
        (await readFile(await singleCsv.path())).subarray(3).toString('utf8'),
      );
      expect(singleLines.slice(1).map((line) => line[0])).toEqual([single.reference]);
      // Back to the list (it owns the keyboard), Enter opens the selected dossier.
      await page.getByRole('listbox', { name: 'Dossiers de la file' }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: `Dossier ${single.reference}` }).waitFor();
      await page.getByText('Personne ne s’en occupe.').waitFor();

      // p: the handling buttons; « Je m’en occupe » first.
      await page.keyboard.press('p');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Je m’en occupe');
      await page.keyboard.press('Enter');
      await page
        .getByRole('status')
        .filter({ hasText: 'Vous vous occupez de ce dossier.' })
        .waitFor();
      await page.getByText('Vous vous en occupez.').waitFor();
      await page.getByRole('listitem').filter({ hasText: 'Dossier pris en charge' }).waitFor();

      // c: a private comment.
      await page.keyboard.press('c');
      await page.keyboard.type('Revenus à recouper avec la CAF avant de décider.');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page
        .getByRole('listitem')
        .filter({ hasText: 'Revenus à recouper avec la CAF avant de décider.' })
        .waitFor();
      await page.getByRole('listitem').filter({ hasText: 'Commentaire interne ajouté' }).waitFor();

      const follow = page.getByRole('button', { name: 'Suivre ce dossier' });
      await follow.focus();
      await page.keyboard.press('Space');
      await expect.poll(() => follow.getAttribute('aria-pressed')).toBe('true');
      await expectAccessible(page, 'agent-dossier-prise-en-charge');

      // Hand it to a colleague through the combobox (the input suggests their names).
      const combobox = page.getByRole('combobox', { name: 'Confier à un collègue' });
      const names = await page
        .locator(`datalist#${await combobox.getAttribute('list')} option`)
        .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
      const name = names.find((candidate) => !candidate.endsWith('(moi)'))!;
      expect(name).toBeDefined();
      await combobox.focus();
      await page.keyboard.type(name);
      await expectAccessible(page, 'agent-dossier-combobox');
      await page.getByRole('button', { name: 'Confier le dossier' }).press('Enter');
      await page
        .getByRole('status')
        .filter({ hasText: `Dossier confié à ${name}.` })
        .waitFor();
      await page.getByRole('listitem').filter({ hasText: 'Dossier confié' }).waitFor();
      await expectAccessible(page, 'agent-dossier-confie');

      // The citizen sees none of it.
      const theirs = await citizen.dossiers.history.query({ id: single.id });
      expect(theirs.map((entry) => entry.type)).not.toContain('comment_added');
      expect(JSON.stringify(theirs)).not.toContain('CAF');
      await expect(
        citizen.dossiers.comments.list.query({ dossierId: single.id }),
      ).rejects.toThrow();
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('ticks five dossiers, fires one action on all, reports the one refused; exports and saves the view', async () => {
    const { page, context, problems } = await openPage(browser, server.url);
    try {
      await signIn(page);
      await search(page, 'Grouplot', 5);
      // Space ticks the active row, Shift + ↓ extends the range.
      await page.keyboard.press('Space');
      for (let i = 0; i < 4; i += 1) await page.keyboard.press('Shift+ArrowDown');
      await page.getByText('5 dossier(s) sélectionné(s).').waitFor();
      await expect
        .poll(() => rows(page).and(page.locator('[aria-selected="true"]')).count())
        .toBe(5);
      await expectAccessible(page, 'agent-file-selection');

      // Meanwhile a colleague takes one of them: its revision moves on.
      const contested = batch[2]!;
      const { revision } = await otherSession.dossiers.get.query({ id: contested.id });
      await otherSession.dossiers.claim.mutate({ dossierId: contested.id, revision });

      await page.getByLabel('Action à appliquer').selectOption({ label: 'Prendre en charge' });
      // On PostgreSQL the journey holds the contested row locked, as a colleague's long
      // transition would: the worker stops there and the progress is seen half-way. On
      // PGlite (inside the server's process) the job may finish before the first look.
      const held = server.databaseUrl
        ? await holdDossierLock(server.databaseUrl, contested.id)
        : null;
      await page.getByRole('button', { name: 'Appliquer à 5 dossier(s)' }).press('Enter');
      if (held) {
        const bar = page.getByRole('progressbar', { name: 'Traitement en cours' });
        await bar.waitFor();
        expect(await bar.getAttribute('max')).toBe('5');
        await page
          .getByRole('status')
          .filter({ hasText: /traité\(s\) sur 5/ })
          .waitFor();
        await expectAccessible(page, 'agent-action-groupee-progression');
        await held.release();
      }
      const summary = page.getByRole('heading', { name: 'Résultat : 4 effectué(s), 1 refusé(s)' });
      await summary.waitFor();
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H3');
      const refused = page.getByRole('row').filter({ hasText: 'Refusé' });
      expect(await refused.count()).toBe(1);
      expect(await refused.textContent()).toContain(contested.reference);
      expect(await refused.textContent()).toMatch(/modifié/);
      await expectAccessible(page, 'agent-action-groupee-rapport');
      // A durable job: the agent leaves and comes back, the report is still there.
      await page.reload();
      await page
        .getByRole('heading', { name: 'Résultat : 4 effectué(s), 1 refusé(s)' })
        .waitFor({ timeout: 20_000 });
      // The search lives in the address: the reloaded queue is still the filtered one.
      await expect.poll(() => rows(page).count(), { timeout: 20_000 }).toBe(5);
      for (const dossier of batch) {
        const state = (await otherSession.dossiers.get.query({ id: dossier.id })).state.id;
        expect(state).toBe(dossier === contested ? 'depose' : 'en_instruction');
      }

      // The filtered queue as CSV: five rows, past the at-once limit, so a durable job
      // written by the worker, then its download link; read back.
      await page.getByRole('button', { name: 'Exporter cette file en CSV' }).click();
      const csvLink = page.getByRole('link', { name: 'Télécharger l’export (5 dossiers, CSV)' });
      await csvLink.waitFor({ timeout: 30_000 });
      await expectAccessible(page, 'agent-export-pret');
      const [download] = await Promise.all([page.waitForEvent('download'), csvLink.click()]);
      const bytes = await readFile(await download.path());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const [header, ...lines] = parseCsv(bytes.subarray(3).toString('utf8'));
      expect(header?.slice(0, 4)).toEqual(['Référence', 'Démarche', 'État', 'Demandeur']);
      expect(lines.map((line) => line[0]).sort()).toEqual(
        batch.map((dossier) => dossier.reference).sort(),
      );
      expect(lines.filter((line) => line[2] === 'En instruction')).toHaveLength(4);

      // The same queue as an Excel workbook, downloaded and opened (an XLSX is a zip of XML).
      await page.getByRole('button', { name: 'Exporter cette file en Excel (XLSX)' }).click();
      const xlsxLink = page.getByRole('link', { name: 'Télécharger l’export (5 dossiers, XLSX)' });
      await xlsxLink.waitFor({ timeout: 30_000 });
      const [workbook] = await Promise.all([page.waitForEvent('download'), xlsxLink.click()]);
      const sheets = unzipSync(new Uint8Array(await readFile(await workbook.path())));
      const cells = `${strFromU8(sheets['xl/worksheets/sheet1.xml']!)}${strFromU8(
        sheets['xl/sharedStrings.xml'] ?? new Uint8Array(),
      )}`;
      for (const dossier of batch) expect(cells).toContain(dossier.reference);
      expect(cells).toContain('En instruction');

      // Saved under a name, found again from the plain queue.
      await page.getByLabel('Enregistrer ces filtres sous le nom').fill('Lot groupé');
      await page.keyboard.press('Enter');
      await page.getByRole('link', { name: 'Lot groupé' }).waitFor();
      await page.goto('/agent/');
      await page.getByRole('link', { name: 'Lot groupé' }).click();
      await expect.poll(() => rows(page).count(), { timeout: 20_000 }).toBe(5);
      expect(new URL(page.url()).searchParams.get('q')).toBe('Grouplot');
      await expectAccessible(page, 'agent-vue-enregistree');
      await page.getByRole('button', { name: 'Supprimer la vue « Lot groupé »' }).press('Enter');
      await expect.poll(() => page.getByRole('link', { name: 'Lot groupé' }).count()).toBe(0);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('lets an invited colleague choose a password from the mailed link, then sign in', async () => {
    const email = 'nouvelle.recrue@demo.guichet.localhost';
    await admin.staff.invite.mutate({
      email,
      displayName: 'Nouvelle Recrue',
      access: [{ role: 'agent', unitId: null }],
    });
    await expect
      .poll(() => server.mail.messages.some((mail) => mail.recipients.includes(email)), {
        timeout: 20_000,
      })
      .toBe(true);
    const mail = server.mail.messages.find((message) => message.recipients.includes(email))!;
    const link = /\/agent\/invitation#jeton=[A-Za-z0-9_-]{43}/.exec(mail.text)?.[0];
    expect(link).toBeDefined();

    const { page, context, problems } = await openPage(browser, server.url);
    try {
      await page.goto('/agent/invitation');
      await page
        .getByRole('alert')
        .filter({ hasText: 'lien d’invitation est incomplet' })
        .waitFor();
      await expectAccessible(page, 'agent-invitation-incomplete');

      // A new document, as from the mail (the same path would only change the fragment).
      await page.goto('about:blank');
      await page.goto(link!);
      await page.getByRole('heading', { level: 1, name: 'Activer mon compte agent' }).waitFor();
      // The token leaves the address at once.
      await expect.poll(() => new URL(page.url()).hash).toBe('');
      await page.getByLabel('Mot de passe', { exact: true }).fill('court');
      await page.getByLabel('Confirmer le mot de passe').fill('court');
      await page.keyboard.press('Enter');
      await page.getByRole('alert').waitFor();
      await expectAccessible(page, 'agent-invitation-refus');

      const password = 'Une phrase de passe pour la nouvelle recrue';
      await page.getByLabel('Mot de passe', { exact: true }).fill(password);
      await page.getByLabel('Confirmer le mot de passe').fill(password);
      await page.keyboard.press('Enter');
      await page.getByRole('status').filter({ hasText: 'est activé' }).waitFor();
      await expectAccessible(page, 'agent-invitation-activee');

      await page.getByRole('link', { name: 'Se connecter à l’espace agents' }).click();
      await page.getByLabel('Adresse e-mail professionnelle').fill(email);
      await page.getByLabel('Mot de passe').fill(password);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: 'Dossiers à traiter' }).waitFor();
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
