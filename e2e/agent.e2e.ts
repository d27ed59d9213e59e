import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../runtime/web/api/createApiClient.ts';
import { expectAccessible } from './support/accessibility.ts';
import { launchChromium, openPage } from './support/browser.ts';
import { demoApi, submitAideSociale } from './support/demoApi.ts';
import { type GuichetServer, startGuichet } from './support/guichetServer.ts';

// The agents' back office, keyboard only: the demo agent signs in, finds a dossier by
// search, opens it and fires actions; a conflict with another session is told and loses
// nothing. axe on every page and dialog, no CSP violation, no script error.
const AGENT = 'agent@demo.guichet.localhost';
let server: GuichetServer;
let browser: Browser;
let citizen: ApiClient;
let otherSession: ApiClient;
let found: { id: string; reference: string };
let contested: { id: string; reference: string };

beforeAll(async () => {
  server = await startGuichet();
  browser = await launchChromium();
  citizen = await demoApi(server.url, 'citoyen@demo.guichet.localhost');
  otherSession = await demoApi(server.url, AGENT);
  for (const nom of ['Martin', 'Bernard', 'Durand']) await submitAideSociale(citizen, { nom });
  found = await submitAideSociale(citizen, { nom: 'Zéphyrin' });
  contested = await submitAideSociale(citizen, { nom: 'Quentin-Litige' });
  const revision = (await otherSession.dossiers.get.query({ id: contested.id })).revision;
  await otherSession.dossiers.act.mutate({
    id: contested.id,
    transition: 'prendre_en_charge',
    revision,
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signIn(page: Page): Promise<void> {
  await page.goto('/agent/');
  await page.getByRole('heading', { level: 1, name: 'Connexion à l’espace agents' }).waitFor();
  await expectAccessible(page, 'agent-connexion');
  await page.keyboard.press('Tab'); // the skip link
  await page.keyboard.press('Tab');
  await page.keyboard.type(AGENT);
  await page.keyboard.press('Tab');
  await page.keyboard.type('Démonstration du guichet 2026');
  await page.keyboard.press('Enter');
  await rows(page).first().waitFor();
}

/** The queue's rows (the filters' selects have options too). */
const rows = (page: Page) =>
  page.getByRole('listbox', { name: 'Dossiers de la file' }).getByRole('option');

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');

describe('the agents’ back office, keyboard only', () => {
  it('asks for the queue’s first calls with the page, and the app takes those answers', async () => {
    const { page, context, problems } = await openPage(browser, server.url);
    try {
      await signIn(page);
      // Signed in, the next visit of the queue announces its two first calls.
      const response = await page.goto('/agent/');
      await rows(page).first().waitFor();
      const link = (await response?.headerValue('link')) ?? '';
      expect(link).toContain('</trpc/auth.me?batch=1&input=%7B%7D>; rel=preload; as=fetch');
      expect(link).toContain('</trpc/queues.list?input=%7B%22limit%22%3A100%7D>; rel=preload');
      // Each asked once, by the preload: the app's own calls found them already there
      // (a call of its own, batched otherwise or with another input, would show here).
      const calls = await page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .map((entry) => entry as PerformanceResourceTiming)
          .filter((entry) => /auth\.me|queues\.list/.test(new URL(entry.name).pathname))
          .map(
            (entry) => `${entry.initiatorType} ${entry.name.slice(entry.name.indexOf('/trpc/'))}`,
          ),
      );
      expect(calls.sort()).toEqual([
        'link /trpc/auth.me?batch=1&input=%7B%7D',
        'link /trpc/queues.list?input=%7B%22limit%22%3A100%7D',
      ]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('signs in, finds a dossier by search, opens it and fires actions', async () => {
    const { page, context, problems } = await openPage(browser, server.url);
    try {
      await signIn(page);
      // The demo publishes several démarches, each with its own state tabs grouped under
      // its title: the social aid's « Déposé » tab counts its dossiers.
      await expect
        .poll(
          () =>
            page.getByRole('link', { name: /^Demande d’aide sociale : Déposé \d/ }).textContent(),
          {
            timeout: 20_000,
          },
        )
        .toMatch(/\d/);
      await expectAccessible(page, 'agent-file');

      await page.keyboard.press('/');
      await page.keyboard.type('Zéphyrin');
      await page.keyboard.press('Enter');
      await expect.poll(() => rows(page).count(), { timeout: 20_000 }).toBe(1);
      expect(new URL(page.url()).searchParams.get('q')).toBe('Zéphyrin');
      await page.keyboard.press('j');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: `Dossier ${found.reference}` }).waitFor();
      expect(page.url()).toContain(`/agent/dossiers/${found.id}`);
      await page.getByText('Zéphyrin').first().waitFor();
      await expectAccessible(page, 'agent-dossier');

      // The receipt the citizen got, downloaded from the dossier screen.
      await page.getByRole('button', { name: 'Télécharger l’accusé de réception (PDF)' }).focus();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.keyboard.press('Enter'),
      ]);
      expect(download.suggestedFilename()).toBe(`accuse-de-reception-${found.reference}.pdf`);

      await page.keyboard.press('a');
      await page.getByRole('dialog', { name: 'Actions possibles' }).waitFor();
      expect(await focusedText(page)).toBe('Prendre en charge');
      await expectAccessible(page, 'agent-dialogue-actions');
      await page.keyboard.press('Enter');
      await page.getByRole('dialog', { name: 'Prendre en charge' }).waitFor();
      expect(await focusedText(page)).toBe('Confirmer');
      await page.keyboard.press('Enter');
      await page
        .getByRole('status')
        .filter({ hasText: 'Action « Prendre en charge » enregistrée.' })
        .waitFor();
      expect(await page.getByRole('dialog').count()).toBe(0);
      await page.getByText('En instruction').first().waitFor();

      // An action with a form: the message asking the applicant for a complement.
      await page.keyboard.press('a');
      await page.getByRole('dialog', { name: 'Actions possibles' }).waitFor();
      expect(await focusedText(page)).toBe('Demander un complément');
      await page.keyboard.press('Enter');
      await page.getByRole('dialog', { name: 'Demander un complément' }).waitFor();
      await page.keyboard.type('Merci de joindre votre dernier avis d’imposition.');
      await expectAccessible(page, 'agent-dialogue-complement');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.getByText('Action « Demander un complément » enregistrée.').waitFor();
      await page
        .getByRole('list')
        .filter({ hasText: 'Merci de joindre votre dernier avis' })
        .first()
        .waitFor();
      await expectAccessible(page, 'agent-dossier-apres-action');

      // Escape: back to the same queue, the same row, the focus on the list.
      await page.keyboard.press('Escape');
      await page.getByRole('heading', { level: 1, name: 'Dossiers à traiter' }).waitFor();
      expect(new URL(page.url()).searchParams.get('q')).toBe('Zéphyrin');
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.getAttribute('role')))
        .toBe('listbox');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('tells a revision conflict clearly and keeps what the agent typed', async () => {
    const { page, context, problems } = await openPage(browser, server.url);
    try {
      await signIn(page);
      await page.keyboard.press('/');
      await page.keyboard.type('Quentin-Litige');
      await page.keyboard.press('Enter');
      await expect.poll(() => rows(page).count(), { timeout: 20_000 }).toBe(1);
      await page.keyboard.press('Enter');
      await page
        .getByRole('heading', { level: 1, name: `Dossier ${contested.reference}` })
        .waitFor();

      await page.keyboard.press('a');
      await page.getByRole('dialog', { name: 'Actions possibles' }).waitFor();
      // Demander un complément, Accepter, Refuser: the third one.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      expect(await focusedText(page)).toBe('Refuser');
      await page.keyboard.press('Enter');
      await page.getByRole('dialog', { name: 'Refuser' }).waitFor();
      const motif = 'Revenus supérieurs au plafond pour un foyer d’une personne.';
      await page.keyboard.type(motif);

      // Meanwhile, in another session, the dossier moves on.
      const { revision } = await otherSession.dossiers.get.query({ id: contested.id });
      await otherSession.dossiers.act.mutate({
        id: contested.id,
        transition: 'demander_complement',
        input: { message: 'Pièce manquante.' },
        revision,
      });

      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      const alert = page.getByRole('alert');
      await alert.filter({ hasText: 'modifié par quelqu’un d’autre' }).waitFor();
      expect(await page.getByRole('dialog').getByRole('textbox').inputValue()).toBe(motif);
      await expectAccessible(page, 'agent-conflit');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
