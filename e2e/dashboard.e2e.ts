import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../runtime/server/demo/index.ts';
import type { ApiClient } from '../runtime/web/api/createApiClient.ts';
import { parisDate } from '../shared/expressions/dates.ts';
import { loadTemplate } from '../templates/index.ts';
import { expectAccessible } from './support/accessibility.ts';
import { launchChromium, openPage } from './support/browser.ts';
import { demoApi } from './support/demoApi.ts';
import { type GuichetServer, startGuichet } from './support/guichetServer.ts';

// The agents' dashboard, keyboard only: the Lyon health union's agent goes from the queue
// to « Tableau de bord » and reads this month's figures for the membership démarche
// (two applications, one validated) beside this week's, then picks their union as the level and a custom
// period; the figures are accessible tables; axe on each state.
let server: GuichetServer;
let browser: Browser;

const CITIZEN = 'citoyen@demo.guichet.localhost';
const LYON = 'syndicat@demo.guichet.localhost';

async function joinUnion(citizen: ApiClient): Promise<{ id: string; revision: number }> {
  const template = loadTemplate('adhesion-syndicale');
  const data = template.ok ? template.value.tests?.[0]?.data : undefined;
  if (data === undefined) throw new Error('adhesion-syndicale has no sample data');
  const { id } = await citizen.dossiers.create.mutate({ demarche: 'adhesion-syndicale' });
  const saved = await citizen.dossiers.saveDraft.mutate({ id, revision: 0, data });
  const sent = await citizen.dossiers.submit.mutate({
    id,
    transition: 'deposer',
    revision: saved.revision,
    idempotencyKey: randomUUID(),
  });
  return { id, revision: sent.revision };
}

beforeAll(async () => {
  server = await startGuichet();
  browser = await launchChromium();
  const citizen = await demoApi(server.url, CITIZEN);
  const lyon = await demoApi(server.url, LYON);
  const first = await joinUnion(citizen);
  await joinUnion(citizen);
  await lyon.dossiers.act.mutate({ id: first.id, transition: 'valider', revision: first.revision });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The value cell of a summary row, or a state row's cells, as text. */
async function rowCells(
  table: ReturnType<import('playwright-core').Page['getByRole']>,
  name: string,
) {
  return table
    .getByRole('row', { name: new RegExp(`^${name}`) })
    .getByRole('cell')
    .allTextContents();
}

describe('the dashboard per level', () => {
  it('a union agent reads this month’s figures, then their union’s over chosen dates, by keyboard', async () => {
    const { page, context, problems } = await openPage(browser, server.url);
    try {
      await page.goto('/agent/');
      await page.getByLabel('Adresse e-mail professionnelle').fill(LYON);
      await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
      await page.keyboard.press('Enter');
      const nav = page.getByRole('navigation', { name: 'Espace agents' });
      await nav.getByRole('link', { name: 'Dossiers à traiter' }).waitFor();
      expect(
        await nav.getByRole('link', { name: 'Dossiers à traiter' }).getAttribute('aria-current'),
      ).toBe('page');
      await nav.getByRole('link', { name: 'Tableau de bord' }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: 'Tableau de bord' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/agent/tableau-de-bord');

      const summary = page.getByRole('table', { name: /^Synthèse — tous mes services, du 1 / });
      await summary.waitFor();
      // Everything the agent covers, this week, this month and the period (this month by
      // default) side by side: two applications, one member, one pending.
      expect(
        (await summary.getByRole('columnheader').allTextContents()).map((h) => h.split(' (')[0]),
      ).toEqual(['Indicateur', 'Cette semaine', 'Ce mois-ci', 'Période choisie']);
      expect(await rowCells(summary, 'Nouveaux dossiers déposés')).toEqual(['2', '2', '2']);
      expect(await rowCells(summary, 'Dossiers clôturés')).toEqual(['0', '0', '0']);
      expect(await rowCells(summary, 'Dossiers en cours aujourd’hui')).toEqual(['2']);
      const states = page.getByRole('table', { name: /^Dossiers par état/ });
      // All démarches: each state is named with its démarche (the APA has a « Demande déposée » too).
      expect(await rowCells(states, 'Adhésion syndicale : Adhérent actif')).toEqual([
        'En cours',
        '1',
        '0',
        '1',
      ]);
      expect(await rowCells(states, 'Adhésion syndicale : Demande déposée')).toEqual([
        'En cours',
        '1',
        '0',
        '2',
      ]);
      expect(await states.getByRole('columnheader').allTextContents()).toEqual([
        'État',
        'Nature',
        'Dossiers aujourd’hui',
        'Dont en retard',
        'Entrés dans l’état sur la période',
      ]);
      // The same figures as bars: an image named by its summary, actually drawn.
      const chart = page.getByRole('img', {
        name: /^Dossiers par état — tous mes services : .*Adhésion syndicale : Adhérent actif 1 aujourd’hui dont 0 en retard/,
      });
      await chart.waitFor();
      const inked = await chart.evaluate((canvas) => {
        const { width, height } = canvas as HTMLCanvasElement;
        const pixels = (canvas as HTMLCanvasElement)
          .getContext('2d')
          ?.getImageData(0, 0, width, height).data;
        let drawn = 0;
        for (let i = 3; pixels && i < pixels.length; i += 4) if (pixels[i]! > 0) drawn += 1;
        return drawn;
      });
      expect(inked).toBeGreaterThan(1000);
      await expectAccessible(page, 'tableau-de-bord-mois');

      // The membership démarche, the union itself, a custom period: all from the keyboard.
      const form = page.getByRole('form', { name: 'Choisir les chiffres' });
      await form.getByLabel('Démarche').focus();
      await form.getByLabel('Démarche').selectOption({ label: 'Adhésion syndicale' });
      await page.keyboard.press('Tab');
      await form.getByLabel('Niveau').selectOption({ label: 'Syndicat santé de Lyon' });
      await page.keyboard.press('Tab');
      await page.keyboard.press('ArrowRight');
      expect(await form.getByLabel('Des dates').isChecked()).toBe(true);
      // Dates as an agent in France types them: Paris days. In UTC, between 23:00 and
      // midnight, « today » was still yesterday there, and the dossiers just filed fell
      // after the chosen period.
      const today = parisDate(new Date());
      const monthAgo = parisDate(new Date(Date.now() - 30 * 86_400_000));
      await form.getByLabel('Du').fill(monthAgo);
      await form.getByLabel('Au (inclus)').fill(today);
      await form.getByLabel('Au (inclus)').focus();
      await page.keyboard.press('Enter');
      await page
        .getByRole('table', {
          name: /^Synthèse — Syndicat santé de Lyon, du \d+ \S+ 20\d\d au \d+ \S+ 20\d\d$/,
        })
        .waitFor();
      const url = new URL(page.url());
      expect(url.searchParams.get('niveau')).toBe('ul-lyon-sante');
      expect(url.searchParams.get('du')).toBe(monthAgo);
      // A month back from today: the chosen period has the two applications, and this
      // week's and month's columns stay beside it.
      const lyonSummary = page.getByRole('table', { name: /^Synthèse — Syndicat santé de Lyon/ });
      expect(await rowCells(lyonSummary, 'Nouveaux dossiers déposés')).toEqual(['2', '2', '2']);
      const lyonStates = page.getByRole('table', {
        name: /^Dossiers par état — Syndicat santé de Lyon/,
      });
      expect(await rowCells(lyonStates, 'Adhérent actif')).toEqual(['En cours', '1', '0', '1']);
      await expectAccessible(page, 'tableau-de-bord-syndicat-dates');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
