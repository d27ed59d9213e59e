import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TENANT } from '../runtime/server/demo/seedDemo.ts';
import { TEMPLATES } from '../templates/index.ts';
import { expectAccessible } from './support/accessibility.ts';
import { launchChromium, openPage } from './support/browser.ts';
import { demoApi } from './support/demoApi.ts';
import { type GuichetServer, startGuichet } from './support/guichetServer.ts';

// The demo admin runs the collectivité from the studio — creates a unit (and imports
// others from a CSV after its preview showed the faulty line), is warned before archiving
// a unit a published démarche routes to, invites an agent into it and cancels the
// invitation, changes the theme (a colour too light is refused before saving), gives the
// collectivité an address (an URL is refused), imports a
// reference table after its preview showed the faulty line — then simulates a démarche
// to a final state as the citizen and the agents, keeps the run as a test case and runs
// the test cases. Under the studio's CSP (§90, and §84 for the simulation worker), with
// no axe violation.
let server: GuichetServer;
let browser: Browser;

/** The machine is shared: the page may take a few seconds to answer, never a failure by itself. */
const WAIT = { timeout: 20_000 };

const ADMIN = DEMO_ACCOUNTS.find((account) => account.role === 'admin')!.email;

beforeAll(async () => {
  server = await startGuichet();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function logIn(page: Page): Promise<void> {
  await page.goto('/studio/');
  await page.getByLabel('Adresse e-mail').fill(ADMIN);
  await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('heading', { level: 1, name: 'Mes démarches' }).waitFor(WAIT);
}

describe('the studio’s collectivité and simulation', () => {
  it('an admin creates a unit, invites an agent, changes the theme, simulates a démarche and runs its test cases', async () => {
    const { page, context, problems } = await openPage(browser, server.url);
    try {
      await logIn(page);
      await page.getByRole('button', { name: /Ma collectivité/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Ma collectivité' }).waitFor(WAIT);

      // Services: one created by hand…
      const tree = page.locator('.arbre-services');
      await tree.locator('.service').first().waitFor(WAIT);
      await page.getByLabel('Nom du service').fill('Pôle jeunesse');
      await page.getByLabel('Code', { exact: true }).fill('jeunesse');
      await page.getByRole('button', { name: 'Ajouter le service' }).click();
      await page.getByText('Service « Pôle jeunesse » créé.').waitFor(WAIT);
      await tree.getByText('Pôle jeunesse').waitFor(WAIT);
      await expectAccessible(page, 'collectivite-services');

      // Archiving a unit a published démarche routes to: a warning lists the démarche first.
      await page.getByRole('button', { name: 'Archiver Pôle familles (ccas-familles)' }).click();
      await page
        .getByRole('list', { name: 'Démarches qui utilisent Pôle familles (ccas-familles)' })
        .getByText(/Demande d’aide sociale \(version 1\)/)
        .waitFor(WAIT);
      await expectAccessible(page, 'collectivite-archivage-avertissement');
      await page.getByRole('button', { name: 'Annuler', exact: true }).click();

      // …others from a CSV: the preview names the faulty line, nothing is offered to import.
      await page
        .getByLabel('Ou contenu du fichier')
        .fill('code;nom;code_parent\njeunesse-sport;Sport;jeunesse\norphelin;Orphelin;inconnu\n');
      await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
      await page.getByText('1 ligne(s) à corriger').waitFor(WAIT);
      await page
        .getByRole('cell', { name: /Le service parent « inconnu » n’existe pas/ })
        .waitFor();
      expect(await page.getByRole('button', { name: /^Importer/ }).count()).toBe(0);
      await expectAccessible(page, 'collectivite-import-apercu');
      await page
        .getByLabel('Ou contenu du fichier')
        .fill('code;nom;code_parent\njeunesse-sport;Sport;jeunesse\n');
      await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
      await page.getByRole('button', { name: 'Importer 1 service(s)' }).click();
      await page.getByText('1 service(s) importé(s).').waitFor(WAIT);
      await tree.getByText('Sport').waitFor(WAIT);

      // Staff: an agent invited into the new unit.
      await page.getByRole('tab', { name: 'Personnel' }).click();
      await page.getByRole('table', { name: 'Membres du personnel' }).waitFor(WAIT);
      await page.getByLabel('Nom et prénom').fill('Inès Agent');
      await page.getByLabel('Adresse e-mail').fill('ines.agent@example.fr');
      await page.getByLabel('Rôle').selectOption('agent');
      await page.getByLabel(/Pôle jeunesse \(jeunesse\)/).check();
      await page.getByRole('button', { name: 'Envoyer l’invitation' }).click();
      await page.getByText('Invitation envoyée à ines.agent@example.fr.').waitFor(WAIT);
      await page.getByText(/Inès Agent \(ines\.agent@example\.fr\)/).waitFor(WAIT);
      await expectAccessible(page, 'collectivite-personnel');
      // The invitation is cancelled after a confirmation: it leaves the pending list.
      page.once('dialog', (dialog) => {
        expect(dialog.message()).toContain('Le lien reçu par e-mail ne fonctionnera plus');
        void dialog.accept();
      });
      await page.getByRole('button', { name: 'Annuler l’invitation de Inès Agent' }).click();
      await page.getByText(/Inès Agent \(ines\.agent@example\.fr\)/).waitFor({
        ...WAIT,
        state: 'detached',
      });

      // Theme: a yellow is refused before anything is sent; a dark blue is saved.
      await page.getByRole('tab', { name: 'Apparence' }).click();
      const primary = page.getByLabel('Couleur principale');
      await primary.fill('#ffcc00');
      await page.getByText(/insuffisant \(4,5:1 au moins\)/).waitFor(WAIT);
      expect(await page.getByRole('button', { name: 'Enregistrer l’apparence' }).isDisabled()).toBe(
        true,
      );
      await expectAccessible(page, 'collectivite-apparence-refusee');
      await primary.fill('#1a4d8f');
      await page
        .getByText(/conforme \(4,5:1 au moins\)/)
        .first()
        .waitFor(WAIT);
      await page.getByRole('button', { name: 'Enregistrer l’apparence' }).click();
      await page.getByText('Apparence enregistrée.').waitFor(WAIT);
      const themed = await fetch(
        `${server.url}/trpc/tenant.publicTheme?input=${encodeURIComponent(JSON.stringify({ tenant: DEMO_TENANT }))}`,
      );
      expect(await themed.text()).toContain('#1a4d8f');

      // Addresses: an URL is refused in French; a host name is saved.
      await page.getByRole('tab', { name: 'Adresses' }).click();
      const hosts = page.getByLabel('Adresses (une par ligne)');
      await hosts.fill('https://mairie-demo.guichet.test');
      await page.getByRole('button', { name: 'Enregistrer les adresses' }).click();
      await page
        .getByRole('alert')
        .getByText(/^Adresse attendue sous la forme/)
        .waitFor(WAIT);
      await expectAccessible(page, 'collectivite-adresses-refusee');
      await hosts.fill('mairie-demo.guichet.test');
      await page.getByRole('button', { name: 'Enregistrer les adresses' }).click();
      await page.getByText('Adresses enregistrées : mairie-demo.guichet.test.').waitFor(WAIT);
      await expectAccessible(page, 'collectivite-adresses');

      // Reference tables: the preview names the faulty line; the fixed file imports.
      await page.getByRole('tab', { name: 'Tables de référence' }).click();
      await page.getByLabel('Nom de la table').fill('Écoles');
      await page.getByLabel('Code de la table').fill('ecoles');
      const content = page.getByLabel('Ou contenu du fichier');
      await content.fill('code;libelle\nE1;École Jaurès\n;Sans code\n');
      await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
      await page.getByText('1 ligne(s) à corriger').waitFor(WAIT);
      await page.getByRole('cell', { name: 'Le code est vide.' }).waitFor(WAIT);
      expect(await page.getByRole('button', { name: /^Importer/ }).count()).toBe(0);
      await expectAccessible(page, 'collectivite-tables-apercu');
      await content.fill('code;libelle\nE1;École Jaurès\nE2;École Curie\n');
      await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
      await page.getByRole('button', { name: 'Importer 2 entrée(s)' }).click();
      await page.getByText('Table « Écoles » importée : 2 entrée(s).').waitFor(WAIT);
      await page
        .getByRole('table', { name: 'Tables de la collectivité' })
        .getByRole('cell', { name: 'Écoles', exact: true })
        .waitFor(WAIT);
      await expectAccessible(page, 'collectivite-tables');

      // A démarche from a template, simulated without publishing.
      await page.getByRole('button', { name: 'Retour aux démarches' }).click();
      await page.getByLabel('Titre de la démarche').fill('Adhésion simulée');
      await page.getByLabel('Modèle : Adhésion syndicale').check();
      await page.getByRole('button', { name: 'Créer et ouvrir' }).click();
      await page
        .getByRole('heading', { level: 1, name: 'Démarche : Adhésion simulée' })
        .waitFor(WAIT);
      // The form's preview: the citizen's own form, in the collectivité's new colours, at a phone's width.
      const frame = page.locator('.cadre-apercu');
      await frame.getByText('Commune de démonstration').waitFor(WAIT);
      expect(
        await frame.evaluate((element) =>
          getComputedStyle(element).getPropertyValue('--guichet-couleur-marque').trim(),
        ),
      ).toBe('#1a4d8f');
      await page.getByRole('group', { name: 'Largeur d’écran' }).getByLabel('Téléphone').check();
      await expect
        .poll(async () => (await frame.boundingBox())?.width ?? 0, WAIT)
        .toBeLessThanOrEqual(360);
      await expectAccessible(page, 'apercu-citoyen-telephone');

      await page.getByRole('tab', { name: 'Simulation' }).click();
      const state = page.locator('.etat-simule');
      await expect.poll(() => state.innerText(), WAIT).toContain('Brouillon');
      // The sample answers come from the template's first test case, in the citizen's form.
      await expect.poll(() => page.getByLabel(/^Nom/).first().inputValue(), WAIT).toBe('Martin');
      await expectAccessible(page, 'simulation-debut');

      await page.getByRole('button', { name: 'Usager : Envoyer ma demande d’adhésion' }).click();
      await expect.poll(() => state.innerText(), WAIT).toContain('Demande déposée');
      await page
        .getByText(/Objet :/)
        .first()
        .waitFor(WAIT);
      await page.getByRole('button', { name: 'Agent : Demander un complément' }).click();
      await page.getByLabel(/Ce qui manque ou doit être corrigé/).fill('Le RIB est illisible.');
      await page.getByRole('button', { name: 'Valider l’action' }).click();
      await expect.poll(() => state.innerText(), WAIT).toContain('Complément demandé');
      await page.getByRole('button', { name: 'Usager : Retirer ma demande' }).click();
      await expect.poll(() => state.innerText(), WAIT).toContain('Demande retirée — état final');
      const history = page.getByRole('region', { name: 'Déroulé de la simulation' });
      expect(await history.getByRole('listitem').first().innerText()).toContain('Usager');
      await expectAccessible(page, 'simulation-etat-final');

      await page.getByLabel('Nom du cas de test').fill('Retrait après complément');
      await page.getByRole('button', { name: 'Enregistrer comme cas de test' }).click();
      await page
        .getByText('Cas de test « Retrait après complément » ajouté au brouillon.')
        .waitFor();

      // The test cases: the template's two and the new one, run with the shared engine.
      await page.getByRole('tab', { name: 'Cas de test' }).click();
      await page.getByRole('button', { name: 'Lancer les 3 cas de test' }).click();
      await page.getByText('3 cas de test réussi(s).').waitFor(WAIT);
      expect(await page.getByText('— réussi').count()).toBe(3);
      await expectAccessible(page, 'cas-de-test');
      await expect
        .poll(() => page.getByText('Toutes les modifications sont enregistrées.').count(), WAIT)
        .toBe(1);

      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
  it('the form preview hides a page its condition hides, shows it once the answer opens it, and keeps a file in the page', async () => {
    const { page, context, problems } = await openPage(browser, server.url);
    try {
      await logIn(page);
      await page.getByLabel('Titre de la démarche').fill('APA en aperçu');
      await page.getByLabel(/Modèle : Allocation personnalisée/).check();
      await page.getByRole('button', { name: 'Créer et ouvrir' }).click();
      await page.getByRole('heading', { level: 1, name: 'Démarche : APA en aperçu' }).waitFor(WAIT);
      const frame = page.locator('.cadre-apercu');
      const couple = frame.getByLabel('Vous vivez en couple');
      await couple.waitFor(WAIT);
      // The page « Votre conjoint » asks only for a couple, as the citizen app.
      await expect.poll(() => frame.getByLabel(/Nom et prénom du conjoint/).count(), WAIT).toBe(0);
      await couple.check();
      await frame.getByLabel(/Nom et prénom du conjoint/).waitFor(WAIT);
      await frame.getByLabel('Vous vivez seul(e)').check();
      await expect.poll(() => frame.getByLabel(/Nom et prénom du conjoint/).count(), WAIT).toBe(0);
      // A file field works in the preview: checked like an upload, kept in the page, not sent.
      const identite = frame.getByLabel(/Pièce d’identité/);
      await identite.setInputFiles({
        name: 'carte-identite.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.4\n%aperçu\n'),
      });
      await frame
        .getByText(/carte-identite\.pdf .* gardé dans l’aperçu, rien n’est envoyé/)
        .waitFor(WAIT);
      await frame.getByRole('button', { name: 'Retirer carte-identite.pdf' }).click();
      await expect.poll(() => frame.getByText(/carte-identite\.pdf/).count(), WAIT).toBe(0);
      await expectAccessible(page, 'apercu-conditions');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a field the form’s condition declares appears in the preview once the answer meets it, and the simulation requires it', async () => {
    // The social aid with the spouse's name declared by the condition alone (`then`), as
    // the JSON tab writes it: prepared through the API, opened in the studio.
    const admin = await demoApi(server.url, ADMIN);
    const { id, draftRevision } = await admin.demarches.create.mutate({
      slug: 'aide-conjoint',
      title: 'Aide avec conjoint',
    });
    const draft = structuredClone(
      TEMPLATES.find((template) => template.slug === 'aide-sociale')!.document,
    ) as { meta: Record<string, unknown>; form: { schema: Record<string, unknown> } };
    const { conjoint, ...properties } = draft.form.schema['properties'] as Record<string, unknown>;
    draft.meta = { ...draft.meta, slug: 'aide-conjoint', title: 'Aide avec conjoint' };
    draft.form.schema = {
      ...draft.form.schema,
      properties,
      then: { properties: { conjoint }, required: ['conjoint'] },
    };
    await admin.demarches.saveDraft.mutate({ id, draft, revision: draftRevision });

    const { page, context, problems } = await openPage(browser, server.url);
    try {
      await logIn(page);
      await page.getByRole('button', { name: 'Aide avec conjoint' }).click();
      await page
        .getByRole('heading', { level: 1, name: 'Démarche : Aide avec conjoint' })
        .waitFor(WAIT);
      const frame = page.locator('.cadre-apercu');
      const situation = frame.getByLabel(/^Situation/);
      await situation.waitFor(WAIT);
      expect(await frame.getByLabel(/Nom du conjoint/).count()).toBe(0);
      // The condition is read in the page (nothing compiled): answering « couple » opens it.
      await situation.selectOption('couple');
      await frame.getByLabel('Nom du conjoint (obligatoire)').waitFor(WAIT);
      await expectAccessible(page, 'apercu-champ-conditionnel');
      await situation.selectOption('seul');
      await expect.poll(() => frame.getByLabel(/Nom du conjoint/).count(), WAIT).toBe(0);

      // In the simulation, the revealed field is required while the condition holds.
      await page.getByRole('tab', { name: 'Simulation' }).click();
      const answers = page.getByRole('region', { name: 'Réponses d’exemple de l’usager' });
      const state = page.locator('.etat-simule');
      await expect.poll(() => state.innerText(), WAIT).toContain('Brouillon');
      await answers.getByLabel(/^Nom/).first().fill('Martin');
      await answers.getByLabel(/^Prénom/).fill('Claire');
      await answers.getByLabel(/^Courriel/).fill('claire.martin@example.fr');
      await answers.getByLabel(/^Revenu mensuel/).fill('1200');
      await answers.getByLabel(/^Situation/).selectOption('couple');
      const spouse = answers.getByLabel('Nom du conjoint (obligatoire)');
      await spouse.waitFor(WAIT);
      await page.getByRole('button', { name: 'Usager : Déposer ma demande' }).click();
      await page
        .getByRole('alert')
        .filter({ hasText: /Action refusée : .*conjoint/ })
        .waitFor(WAIT);
      await expectAccessible(page, 'simulation-champ-conditionnel-manquant');
      await spouse.fill('Paul Martin');
      await spouse.press('Tab');
      await page.getByRole('button', { name: 'Usager : Déposer ma demande' }).click();
      await expect.poll(() => state.innerText(), WAIT).toContain('Déposé');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
