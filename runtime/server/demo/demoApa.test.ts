import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDF, uploadedId } from '../attachments/testing/attachmentFixtures.ts';
import { rejection } from '../dossiers/testing/rejection.ts';
import type { TestClient } from '../testing/testClient.ts';
import { type DemoWalk, startDemoWalk } from './testing/demoWalk.ts';
import { templateSample } from './testing/templateSample.ts';

// The APA à domicile template as the demo tenant runs it, through the API with the
// worker and a real SMTP server: a citizen of Villeurbanne applies, the MDS of
// Villeurbanne asks for a missing document, declares the file complete, evaluates
// (GIR), proposes a plan the citizen accepts and grants it; mails are received and the
// letters are PDFs read back. The alternatives: changes asked to the plan then a refusal
// at decision, a withdrawal, a GIR 5 refusal, the reminder before the
// legal deadline and an unanswered request for documents filed away after 3 months.
// On PostgreSQL with DATABASE_URL, on PGlite without.

const DAY_MS = 86_400_000;
const START = new Date('2026-03-02T09:00:00Z');
let walk: DemoWalk;
let citizen: TestClient;
let mds: TestClient;
let commune: TestClient;

beforeAll(async () => {
  walk = await startDemoWalk(START);
});
afterAll(() => walk?.close());

/** Everyone logs in afresh: sessions end while the test clock moves on by days. */
async function signInAll(): Promise<void> {
  citizen = await walk.signIn('citoyen@demo.guichet.localhost');
  mds = await walk.signIn('mds@demo.guichet.localhost');
  commune = await walk.signIn('agent@demo.guichet.localhost');
}

/** A submitted application with its three documents uploaded for their fields. */
async function submittedApplication(): Promise<{
  id: string;
  reference: string;
  revision: number;
}> {
  const { id } = await citizen.trpc.dossiers.create.mutate({ demarche: 'apa-domicile' });
  const files: Record<string, string[]> = {};
  for (const field of ['pieceIdentite', 'avisImposition', 'rib']) {
    files[field] = [await uploadedId(citizen, id, PDF, { field, name: `${field}.pdf` })];
  }
  const saved = await citizen.trpc.dossiers.saveDraft.mutate({
    id,
    data: { ...templateSample('apa-domicile'), ...files },
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

const act = (...args: Parameters<DemoWalk['act']>) => walk.act(...args);
const mailAbout = (subject: string) => walk.mailAbout(subject);
const letterText = (id: string, reference: string, template: string) =>
  walk.letterText(citizen, { id, reference }, template);
const stored = (id: string) => walk.stored(id);
const runTimers = () => walk.runTimers();

describe('the demo tenant’s APA à domicile', () => {
  it('goes from the application to the grant, with its mails and PDF letters', async () => {
    await signInAll();
    const { id, reference, revision } = await submittedApplication();
    expect(await stored(id)).toMatchObject({ state: 'depose' });
    // Routed by postcode 69100 to the MDS of Villeurbanne: the commune's agent cannot see it.
    const routed = await mds.trpc.dossiers.get.query({ id });
    expect(routed).toMatchObject({
      state: { id: 'depose' },
      unitCode: 'mds-villeurbanne',
    });
    const other = await rejection(commune.trpc.dossiers.get.query({ id }));
    expect(other.code).toBe('NOT_FOUND');
    const receipt = await mailAbout(`Votre demande d’APA ${reference} est bien reçue`);
    // To the applicant's account, which filled the form.
    expect(receipt.recipients).toEqual(['citoyen@demo.guichet.localhost']);
    expect(receipt.text).toContain('Madame Lefèvre');

    const asked = await act(mds, id, 'demander_pieces', revision, {
      message: 'Votre dernier avis d’imposition, page 2 comprise.',
    });
    expect(asked.state).toBe('complement');
    const request = await letterText(id, reference, 'demande-pieces');
    expect(request).toContain('Votre dernier avis d’imposition, page 2 comprise.');
    expect(request).toContain('Madame Jeanne Lefèvre');
    await mailAbout(`Votre demande d’APA ${reference} : des pièces manquent`);

    const completed = await act(citizen, id, 'completer', asked.revision);
    expect(completed.state).toBe('depose');

    walk.server.clock.advance(3 * DAY_MS);
    await signInAll();
    const complete = await act(mds, id, 'declarer_complet', completed.revision);
    expect(complete.state).toBe('evaluation');
    // The legal deadline: two months from the complete file.
    const dueAt = (await stored(id)).dueAt;
    expect(dueAt?.toISOString().slice(0, 10)).toBe('2026-05-05');

    const gir5 = await rejection(
      act(mds, id, 'proposer_plan', complete.revision, {
        dateVisite: '2026-03-20',
        gir: 5,
        planAide: 'Aide ménagère',
        montantPlan: 100,
        participation: 10,
      }),
    );
    expect(gir5.message).toBe(
      'Un GIR 5 ou 6 n’ouvre pas droit à l’APA : enregistrez plutôt un refus.',
    );

    const proposed = await act(mds, id, 'proposer_plan', complete.revision, {
      dateVisite: '2026-03-20',
      gir: 4,
      planAide: '12 heures d’aide à domicile par mois, téléassistance',
      montantPlan: 310.5,
      participation: 42,
    });
    expect(proposed.state).toBe('proposition');
    expect((await stored(id)).data).toMatchObject({
      gir: 4,
      montantPlan: 310.5,
      participation: 42,
    });

    const accepted = await act(citizen, id, 'accepter_plan', proposed.revision);
    expect(accepted.state).toBe('decision');
    const granted = await act(mds, id, 'accorder', accepted.revision);
    expect(granted.state).toBe('accordee');

    const decision = await letterText(id, reference, 'decision-accord');
    expect(decision).toContain('plan d’aide de 310,50 € par mois (GIR 4)');
    expect(decision).toContain('participation s’élève à 42,00 € par mois');
    expect(decision).toContain(`Référence : ${reference}`);
  });

  it('takes the plan back when the applicant asks for changes, then refuses at decision with its letter; a withdrawal ends another', async () => {
    await signInAll();
    const { id, reference, revision } = await submittedApplication();
    const complete = await act(mds, id, 'declarer_complet', revision);
    const plan = {
      dateVisite: '2026-03-20',
      gir: 3,
      planAide: '8 heures d’aide à domicile par mois',
      montantPlan: 250,
      participation: 30,
    };
    const proposed = await act(mds, id, 'proposer_plan', complete.revision, plan);
    const changes = await act(citizen, id, 'demander_modification', proposed.revision, {
      souhaits: 'Des heures le week-end plutôt qu’en semaine.',
    });
    expect(changes.state).toBe('evaluation');
    const toUnit = await walk.mailAbout(`APA ${reference} : modification du plan demandée`);
    expect(toUnit.recipients).toEqual(['mds@demo.guichet.localhost']);
    const again = await act(mds, id, 'proposer_plan', changes.revision, {
      ...plan,
      planAide: '8 heures d’aide à domicile par mois, le samedi',
    });
    const accepted = await act(citizen, id, 'accepter_plan', again.revision);
    const refused = await act(mds, id, 'refuser', accepted.revision, {
      motif: 'Les ressources déclarées dépassent le plafond départemental.',
    });
    expect(refused.state).toBe('refusee');
    expect(await letterText(id, reference, 'decision-refus')).toContain(
      'Les ressources déclarées dépassent le plafond départemental.',
    );

    const other = await submittedApplication();
    expect((await act(citizen, other.id, 'retirer', other.revision)).state).toBe('retiree');
  });

  it('refuses on a GIR 5, with the refusal letter', async () => {
    await signInAll();
    const { id, reference, revision } = await submittedApplication();
    const complete = await act(mds, id, 'declarer_complet', revision);
    const refused = await act(mds, id, 'refuser_gir', complete.revision, {
      dateVisite: '2026-03-25',
      gir: 5,
    });
    expect(refused.state).toBe('refusee');
    expect((await stored(id)).data).toMatchObject({ gir: 5 });
    expect(await letterText(id, reference, 'refus-gir')).toContain(reference);
  });

  it('flags the dossier urgent a fortnight before the deadline, and files away an unanswered request', async () => {
    await signInAll();
    const evaluated = await submittedApplication();
    await act(mds, evaluated.id, 'declarer_complet', evaluated.revision);
    const waiting = await submittedApplication();
    await act(mds, waiting.id, 'demander_pieces', waiting.revision, {
      message: 'Un relevé d’identité bancaire à votre nom.',
    });

    walk.server.clock.advance(46 * DAY_MS);
    await runTimers();
    await signInAll();
    expect(await stored(evaluated.id)).toMatchObject({
      state: 'evaluation_urgente',
      priority: 3,
    });
    expect(await stored(waiting.id)).toMatchObject({ state: 'complement' });

    walk.server.clock.advance(46 * DAY_MS);
    await runTimers();
    expect(await stored(waiting.id)).toMatchObject({ state: 'classee' });
    await signInAll();
    expect(await letterText(waiting.id, waiting.reference, 'classement')).toContain(
      waiting.reference,
    );
  });
});
