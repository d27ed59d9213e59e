import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../runtime/server/demo/seedDemo.ts';
import type { ApiClient } from '../runtime/web/api/createApiClient.ts';
import { expectAccessible } from './support/accessibility.ts';
import { launchChromium, openPage } from './support/browser.ts';
import { heading, nextStep, poll, stepTitle } from './support/citizenPage.ts';
import { demoApi, submitAideSociale } from './support/demoApi.ts';
import { type GuichetServer, startGuichet } from './support/guichetServer.ts';

// A démarche changes under running dossiers: the demo admin opens the social aid (made
// from its template) in the studio, renames a field and a transition, and publishes
// version 2. A citizen's new dossier is on version 2 (the new label on the form); a
// dossier filed on version 1 still shows version 1's label to the agent and offers
// version 1's action, which works. Under the strict CSP, axe on each new page and state.
let server: GuichetServer;
let browser: Browser;
let citizen: ApiClient;
let filedOnV1: { id: string; reference: string };

/** The machine is shared: the page may take a few seconds to answer, never a failure by itself. */
const WAIT = { timeout: 20_000 };

const ADMIN = DEMO_ACCOUNTS.find((account) => account.role === 'admin')!.email;
const AGENT = DEMO_ACCOUNTS.find((account) => account.role === 'agent')!.email;
const CITIZEN = DEMO_ACCOUNTS.find((account) => account.kind === 'citizen')!.email;

const OLD_FIELD = 'Revenu mensuel (€)';
const NEW_FIELD = 'Revenus mensuels du foyer (€)';
const OLD_ACTION = 'Prendre en charge';
const NEW_ACTION = 'Commencer l’instruction';

beforeAll(async () => {
  server = await startGuichet();
  browser = await launchChromium();
  citizen = await demoApi(server.url, CITIZEN);
  filedOnV1 = await submitAideSociale(citizen, { nom: 'Versionun' });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signInToStudio(page: Page): Promise<void> {
  await page.goto('/studio/');
  await page.getByLabel('Adresse e-mail').fill(ADMIN);
  await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('heading', { level: 1, name: 'Mes démarches' }).waitFor(WAIT);
}

async function signInAsAgent(page: Page): Promise<void> {
  await page.goto('/agent/');
  await page.getByLabel('Adresse e-mail professionnelle').fill(AGENT);
  await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('heading', { level: 1, name: 'Dossiers à traiter' }).waitFor(WAIT);
}

/** The agent's dossier screen: its answers (label → value) and the actions offered. */
async function openDossier(page: Page, dossier: { id: string; reference: string }) {
  await page.goto(`/agent/dossiers/${dossier.id}`);
  await page.getByRole('heading', { level: 1, name: `Dossier ${dossier.reference}` }).waitFor(WAIT);
  const answers = page.getByRole('region', { name: 'Réponses de l’usager' });
  const actions = page.getByRole('region', { name: 'Actions', exact: true });
  await actions.getByRole('button').first().waitFor(WAIT);
  return {
    labels: () => answers.locator('dt').allInnerTexts(),
    actions: () => actions.getByRole('button').allInnerTexts(),
    action: (label: string) => actions.getByRole('button', { name: label, exact: true }),
  };
}

describe('a new version of a démarche', () => {
  it('the admin renames a field and an action and publishes version 2; a dossier filed on version 1 keeps version 1', async () => {
    const admin = await openPage(browser, server.url);
    const person = await openPage(browser, server.url);
    const agent = await openPage(browser, server.url);
    try {
      // The studio: the social aid opened, a field and a transition renamed, then published.
      const studio = admin.page;
      await signInToStudio(studio);
      await studio.getByRole('button', { name: 'Demande d’aide sociale' }).click();
      await studio
        .getByRole('heading', { level: 1, name: 'Démarche : Demande d’aide sociale' })
        .waitFor(WAIT);
      await studio.locator('.plan-formulaire .nom-element', { hasText: OLD_FIELD }).click();
      await studio.getByLabel('Libellé', { exact: true }).fill(NEW_FIELD);
      await studio.locator('.plan-formulaire .nom-element', { hasText: NEW_FIELD }).waitFor(WAIT);
      // The preview is the citizen's form: the new label there already.
      await studio
        .locator('.cadre-apercu')
        .getByLabel(new RegExp(`^${literal(NEW_FIELD)}`))
        .waitFor(WAIT);

      await studio.getByRole('tab', { name: 'Circuit' }).click();
      await studio.getByRole('button', { name: 'Vue en liste' }).click();
      await studio
        .getByRole('button', { name: `Modifier la transition « ${OLD_ACTION} »` })
        .click();
      const buttonLabel = studio.getByLabel('Libellé du bouton');
      await buttonLabel.fill(NEW_ACTION);
      await buttonLabel.press('Enter');
      await studio
        .getByRole('button', { name: `Modifier la transition « ${NEW_ACTION} »` })
        .waitFor(WAIT);
      await studio.getByText('Toutes les modifications sont enregistrées.').waitFor(WAIT);
      await expectAccessible(studio, 'versions-circuit-modifie');

      await studio.getByRole('button', { name: 'Publier' }).click();
      await studio.getByText(/Version 2 publiée/).waitFor(WAIT);
      await studio.getByRole('tab', { name: 'Versions' }).click();
      await studio.getByText(/Version 2, publiée le/).waitFor(WAIT);
      await expectAccessible(studio, 'versions-v2-publiee');

      // A citizen starting now fills version 2: the field bears its new label.
      const page = person.page;
      await page.goto('/connexion?retour=%2Fdemarches%2Faide-sociale');
      await page.getByLabel('Adresse électronique').fill(CITIZEN);
      await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await poll(() => heading(page)).toBe('Demande d’aide sociale');
      await page.getByRole('button', { name: 'Commencer la démarche' }).click();
      await poll(() => stepTitle(page)).toBe('Votre identité');
      await page.locator('#root_nom').fill('Versiondeux');
      await page.locator('#root_prenom').fill('Lou');
      await page.locator('#root_email').fill('lou.versiondeux@example.fr');
      await nextStep(page, 'Votre foyer et vos ressources');
      await page.getByLabel(new RegExp(`^${literal(NEW_FIELD)}`)).fill('1100');
      expect(await page.getByText(OLD_FIELD, { exact: true }).count()).toBe(0);
      await page.locator('#root_situation').selectOption({ label: 'seul' });
      await expectAccessible(page, 'versions-citoyen-v2');
      await nextStep(page, 'Vérifiez vos réponses');
      await page.getByRole('button', { name: 'Déposer ma demande' }).click();
      await poll(() => heading(page)).toBe('Demande envoyée');
      const reference = ((await page.locator('.reference').textContent()) ?? '').trim();
      const filedOnV2 = (await citizen.dossiers.mine.query()).find(
        (dossier) => dossier.reference === reference,
      )!;
      expect((await citizen.dossiers.get.query({ id: filedOnV2.id })).demarche.version).toBe(2);
      expect((await citizen.dossiers.get.query({ id: filedOnV1.id })).demarche.version).toBe(1);

      // The agent: the dossier filed on version 1 reads and acts as version 1…
      await signInAsAgent(agent.page);
      const old = await openDossier(agent.page, filedOnV1);
      expect(await old.labels()).toContain(OLD_FIELD);
      expect(await old.labels()).not.toContain(NEW_FIELD);
      expect(await old.actions()).toContain(OLD_ACTION);
      expect(await old.actions()).not.toContain(NEW_ACTION);
      await expectAccessible(agent.page, 'versions-agent-dossier-v1');
      await old.action(OLD_ACTION).click();
      await agent.page.getByRole('dialog', { name: OLD_ACTION }).waitFor(WAIT);
      await agent.page.getByRole('button', { name: 'Confirmer' }).click();
      await agent.page
        .getByRole('status')
        .filter({ hasText: `Action « ${OLD_ACTION} » enregistrée.` })
        .waitFor(WAIT);
      await agent.page.getByText('En instruction').first().waitFor(WAIT);
      await expectAccessible(agent.page, 'versions-agent-dossier-v1-instruit');

      // …and the one filed on version 2 as version 2.
      const current = await openDossier(agent.page, { id: filedOnV2.id, reference });
      expect(await current.labels()).toContain(NEW_FIELD);
      expect(await current.actions()).toContain(NEW_ACTION);
      expect(await current.actions()).not.toContain(OLD_ACTION);
      await expectAccessible(agent.page, 'versions-agent-dossier-v2');

      expect([...admin.problems, ...person.problems, ...agent.problems]).toEqual([]);
    } finally {
      await admin.context.close();
      await person.context.close();
      await agent.context.close();
    }
  }, 240_000); // three people in turn, each in a browser of their own: twice a journey's time
});

/** A label as a regular expression's literal text (the euro sign's brackets). */
function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
