import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rejection } from '../dossiers/testing/rejection.ts';
import type { TestClient } from '../testing/testClient.ts';
import { type DemoWalk, startDemoWalk } from './testing/demoWalk.ts';
import { templateSample } from './testing/templateSample.ts';

// The union-membership template through its whole life on the demo tenant, with the
// worker and a real SMTP server: joining with the membership card read back from its
// PDF, the transfer to the union of another town (the old union told, then the new one,
// which accepts), suspension and resumption, resignation; and the
// other ends of an application — refused, withdrawn, filed away unanswered after two
// months on the test clock. On PostgreSQL with DATABASE_URL, on PGlite without.

const DAY_MS = 86_400_000;
const CITIZEN = 'citoyen@demo.guichet.localhost';
const LYON = 'syndicat@demo.guichet.localhost';
const PARIS = 'paris-sante@demo.guichet.localhost';
const REGION = 'ur-ara@demo.guichet.localhost';
let walk: DemoWalk;
let citizen: TestClient;
let lyon: TestClient;
let paris: TestClient;
let region: TestClient;

beforeAll(async () => {
  walk = await startDemoWalk(new Date('2026-09-01T08:00:00Z'));
  await walk.addStaff(PARIS, 'agent', 'ul-paris-sante');
  await walk.addStaff(REGION, 'supervisor', 'ur-ara');
  await signInAll();
});
afterAll(() => walk?.close());

/** Everyone logs in afresh: sessions end while the test clock moves on by months. */
async function signInAll(): Promise<void> {
  citizen = await walk.signIn(CITIZEN);
  lyon = await walk.signIn(LYON);
  paris = await walk.signIn(PARIS);
  region = await walk.signIn(REGION);
}

async function joined(): Promise<{ id: string; reference: string; revision: number }> {
  const { id } = await citizen.trpc.dossiers.create.mutate({ demarche: 'adhesion-syndicale' });
  const saved = await citizen.trpc.dossiers.saveDraft.mutate({
    id,
    data: templateSample('adhesion-syndicale'),
    revision: 0,
  });
  const sent = await citizen.trpc.dossiers.submit.mutate({
    id,
    transition: 'deposer',
    revision: saved.revision,
    idempotencyKey: randomUUID(),
  });
  if (sent.reference === null) throw new Error('a submitted dossier has a reference');
  return { id, reference: sent.reference, revision: sent.revision };
}

const queueIds = async (client: TestClient, state: string) =>
  (await client.trpc.queues.list.query({ states: [state] })).items.map((item) => item.id);

describe('the demo tenant’s union membership, from joining to resignation', () => {
  it('validates a member, transfers them to Paris, suspends, resumes and records the resignation', async () => {
    const application = await joined();
    const { id, reference } = application;
    expect(await walk.stored(id)).toMatchObject({ state: 'deposee', unitCode: 'ul-lyon-sante' });
    const receipt = await walk.mailAbout(`Votre demande d’adhésion ${reference} est bien reçue`);
    expect(receipt.recipients).toEqual([CITIZEN]);
    expect(receipt.text).toContain('Votre cotisation mensuelle sera de 21,50');
    // The regional union above the local union sees it; another region's union does not.
    expect(await queueIds(region, 'deposee')).toContain(id);
    expect(await queueIds(paris, 'deposee')).not.toContain(id);

    const active = await walk.act(lyon, id, 'valider', application.revision);
    expect(active.state).toBe('adherent_actif');
    const card = await walk.letterText(citizen, application, 'carte-adherent');
    expect(card).toContain('CARTE D’ADHÉRENT');
    expect(card).toContain('Madame Élise Martin');
    expect(card).toContain(`Adhérent n° ${reference}`);
    expect(card).toContain('Employeur : Hospices civils de Lyon');
    expect(card).toContain('Secteur : Santé');
    expect(card).toMatch(/Cotisation mensuelle : 21,50\s€/);
    expect(card).toContain(`mandat SEPA RUM-${reference}`);
    const welcome = await walk.mailAbout('Bienvenue au syndicat', CITIZEN);
    expect(welcome.text).toContain(`RUM-${reference}`);

    // A move to Paris: the old union is told, then the new one, which must accept.
    const moving = await walk.act(lyon, id, 'demander_transfert', active.revision, {
      syndicatAccueil: 'ul-paris-sante',
      raison: 'demenagement',
      precisions: 'Mutation à l’AP-HP au 1er octobre.',
    });
    expect(moving.state).toBe('transfert');
    expect(await walk.stored(id)).toMatchObject({ unitCode: 'ul-paris-sante', assigneeId: null });
    const leaving = await walk.mailAbout(`Transfert de l’adhérent Élise Martin (${reference})`);
    expect(leaving.recipients).toEqual([LYON]);
    expect(leaving.text).toContain('Aucune démission n’est enregistrée');
    const arriving = await walk.mailAbout(`Un adhérent rejoint votre syndicat (${reference})`);
    expect(arriving.recipients).toEqual([PARIS]);
    // The dossier follows its unit: Lyon's agent no longer reaches it, Paris's does.
    expect((await rejection(lyon.trpc.dossiers.get.query({ id }))).code).toBe('NOT_FOUND');
    expect(await queueIds(paris, 'transfert')).toContain(id);

    const welcomed = await walk.act(paris, id, 'accepter_transfert', moving.revision);
    expect(welcomed.state).toBe('adherent_actif');
    await walk.mailAbout('Votre adhésion a été transférée', CITIZEN);

    walk.server.clock.advance(40 * DAY_MS);
    await signInAll();
    const suspended = await walk.act(citizen, id, 'suspendre', welcomed.revision, {
      motif: 'chomage',
    });
    expect(suspended.state).toBe('suspendu');
    await walk.mailAbout('Votre adhésion est suspendue', CITIZEN);
    const resumed = await walk.act(citizen, id, 'reprendre', suspended.revision);
    expect(resumed.state).toBe('adherent_actif');
    expect((await walk.mailAbout('Votre adhésion reprend', CITIZEN)).text).toContain('21,50');

    const left = await walk.act(citizen, id, 'demissionner', resumed.revision, {
      raison: 'Départ à la retraite.',
    });
    expect(left.state).toBe('demissionnaire');
    await walk.mailAbout('Votre démission est enregistrée', CITIZEN);
    const told = await walk.mailAbout(`Démission de Élise Martin (${reference})`);
    expect(told.recipients).toEqual([PARIS]);

    const history = await citizen.trpc.dossiers.history.query({ id });
    const transitions = history.flatMap((event) =>
      event.type === 'transition' && event.transition ? [event.transition.id] : [],
    );
    expect(transitions).toEqual([
      'deposer',
      'valider',
      'demander_transfert',
      'accepter_transfert',
      'suspendre',
      'reprendre',
      'demissionner',
    ]);
  });

  it('refuses an application with its reason, and lets the applicant withdraw another', async () => {
    await signInAll();
    const refused = await joined();
    const done = await walk.act(lyon, refused.id, 'refuser', refused.revision, {
      motif: 'Votre employeur relève de la convention des industries chimiques.',
    });
    expect(done.state).toBe('refusee');
    const refusal = await walk.mailAbout(
      `Votre demande d’adhésion ${refused.reference}`,
      CITIZEN,
      true,
    );
    expect(refusal.text).toContain('convention des industries chimiques');

    const withdrawn = await joined();
    expect((await walk.act(citizen, withdrawn.id, 'retirer', withdrawn.revision)).state).toBe(
      'retiree',
    );
  });

  it('takes back an application the member corrected on request, routed again, then validated', async () => {
    await signInAll();
    const sent = await joined();
    const asked = await walk.act(lyon, sent.id, 'demander_complement', sent.revision, {
      message: 'Précisez le nom complet de votre employeur.',
    });
    // The member corrects the form in « Mes dossiers » (every field is open in
    // `complement`), the dues recomputed by the server, then sends it back.
    const corrected = await citizen.trpc.dossiers.saveDraft.mutate({
      id: sent.id,
      data: {
        employeur: 'Hospices civils de Lyon — hôpital Édouard-Herriot',
        salaireNetMensuel: 2400,
      },
      revision: asked.revision,
    });
    const back = await walk.act(citizen, sent.id, 'completer', corrected.revision);
    expect(back.state).toBe('deposee');
    expect(await walk.stored(sent.id)).toMatchObject({
      unitCode: 'ul-lyon-sante',
      data: expect.objectContaining({
        employeur: 'Hospices civils de Lyon — hôpital Édouard-Herriot',
        cotisationMensuelle: 24,
      }),
    });
    expect((await walk.act(lyon, sent.id, 'valider', back.revision)).state).toBe('adherent_actif');
    expect(await walk.letterText(citizen, sent, 'carte-adherent')).toContain(
      'Employeur : Hospices civils de Lyon — hôpital Édouard-Herriot',
    );
  });

  it('files away an application whose complement is not answered within two months', async () => {
    await signInAll();
    const waiting = await joined();
    const asked = await walk.act(lyon, waiting.id, 'demander_complement', waiting.revision, {
      message: 'Le nom de votre employeur est incomplet.',
    });
    expect(asked.state).toBe('complement');
    const request = await walk.mailAbout(
      `Votre demande d’adhésion ${waiting.reference} : un complément est nécessaire`,
    );
    expect(request.text).toContain('Le nom de votre employeur est incomplet.');

    walk.server.clock.advance(30 * DAY_MS);
    await walk.runTimers();
    expect(await walk.stored(waiting.id)).toMatchObject({ state: 'complement' });
    walk.server.clock.advance(32 * DAY_MS);
    await walk.runTimers();
    expect(await walk.stored(waiting.id)).toMatchObject({ state: 'retiree' });
    await walk.mailAbout(`Votre demande d’adhésion ${waiting.reference} est classée`);
  });
});
