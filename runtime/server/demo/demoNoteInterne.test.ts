import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rejection } from '../dossiers/testing/rejection.ts';
import type { TestClient } from '../testing/testClient.ts';
import { type DemoWalk, startDemoWalk } from './testing/demoWalk.ts';
import { templateSample } from './testing/templateSample.ts';

// The internal-note template as the demo tenant runs it, through the API with the
// worker and a real SMTP server: an agent of the CCAS opens a note from the back office
// (`counter.start`, the agent being its applicant) and asks the legal service; the lawyer
// takes it, writes an answer the head of service sends back for rework, then validates;
// the asker closes it. The alternatives: a delegation to another service, the single
// follow-up question (a second is refused in the admin's words) and the closing by
// itself after fifteen days, a withdrawal. On PostgreSQL with DATABASE_URL, on PGlite
// without.

const DAY_MS = 86_400_000;
const START = new Date('2026-03-02T09:00:00Z');
const ASKER = 'agent@demo.guichet.localhost';
const LAWYER = 'juriste@demo.guichet.localhost';
const HEAD = 'chef-juridique@demo.guichet.localhost';
const HR = 'rh@demo.guichet.localhost';
let walk: DemoWalk;
let asker: TestClient;
let lawyer: TestClient;
let head: TestClient;
let hr: TestClient;

beforeAll(async () => {
  walk = await startDemoWalk(START);
  await walk.addStaff(HR, 'agent', 'service-rh');
});
afterAll(() => walk?.close());

/** Everyone logs in afresh: sessions end while the test clock moves on by days. */
async function signInAll(): Promise<void> {
  asker = await walk.signIn(ASKER);
  lawyer = await walk.signIn(LAWYER);
  head = await walk.signIn(HEAD);
  hr = await walk.signIn(HR);
}

/** A note opened from the back office and sent to the legal service. */
async function sentNote(): Promise<{ id: string; reference: string; revision: number }> {
  const started = await asker.trpc.counter.start.mutate({ demarche: 'note-interne' });
  expect(started.applicant).toBe('self');
  const saved = await asker.trpc.counter.saveDraft.mutate({
    id: started.id,
    data: templateSample('note-interne'),
    revision: 0,
  });
  const sent = await asker.trpc.counter.submit.mutate({
    id: started.id,
    transition: 'transmettre',
    revision: saved.revision,
    idempotencyKey: randomUUID(),
  });
  if (sent.reference === null) throw new Error('a sent note has a reference');
  expect(sent.trackingCode).toBeNull();
  return { id: started.id, reference: sent.reference, revision: sent.revision };
}

const act = (...args: Parameters<DemoWalk['act']>) => walk.act(...args);
const stored = (id: string) => walk.stored(id);

describe('the demo tenant’s internal notes', () => {
  it('are not for citizens, and open from the back office for agents and supervisors', async () => {
    await signInAll();
    const citizen = await walk.signIn('citoyen@demo.guichet.localhost');
    const refused = await rejection(
      citizen.trpc.dossiers.create.mutate({ demarche: 'note-interne' }),
    );
    expect(refused.code).toBe('NOT_FOUND');
    expect(await asker.trpc.counter.demarches.query()).toEqual([
      { slug: 'note-interne', title: 'Note interne', applicant: 'self' },
    ]);
  });

  it('go from the question to the validated answer, with a rework, and are closed by the asker', async () => {
    await signInAll();
    const { id, reference, revision } = await sentNote();
    // Routed to the service asked, urgent: high priority; the service is mailed.
    expect(await stored(id)).toMatchObject({
      state: 'transmise',
      unitCode: 'service-juridique',
      priority: 2,
    });
    const incoming = await walk.mailAbout(`Note interne ${reference} : Convention`);
    expect(incoming.recipients.sort()).toEqual([HEAD, LAWYER]);
    expect(incoming.text).toContain('(Urgente)');
    // The asker's own unit does not see it as staff; the asker sees it as its applicant.
    expect((await asker.trpc.dossiers.get.query({ id })).state.id).toBe('transmise');
    const notHr = await rejection(hr.trpc.dossiers.get.query({ id }));
    expect(notHr.code).toBe('NOT_FOUND');

    const taken = await act(lawyer, id, 'prendre_en_charge', revision);
    expect(taken.state).toBe('en_cours');
    expect((await stored(id)).assigneeId).not.toBeNull();
    const drafted = await act(lawyer, id, 'rediger_reponse', taken.revision, {
      reponse: 'Une convention suffit.',
    });
    expect(drafted.state).toBe('reponse_redigee');
    await walk.mailAbout(`Réponse à valider : note ${reference}`);
    // Only the head of service validates.
    const notLawyer = await rejection(act(lawyer, id, 'valider_reponse', drafted.revision));
    expect(notLawyer.code).toBe('FORBIDDEN');
    const rework = await act(head, id, 'faire_reprendre', drafted.revision, {
      remarques: 'Précisez la redevance.',
    });
    expect(rework.state).toBe('en_cours');
    const redrafted = await act(lawyer, id, 'rediger_reponse', rework.revision, {
      reponse: 'Une convention d’occupation temporaire, redevance symbolique possible.',
    });
    const validated = await act(head, id, 'valider_reponse', redrafted.revision);
    expect(validated.state).toBe('reponse_envoyee');
    const answer = await walk.mailAbout(`Réponse à votre note ${reference}`, ASKER);
    expect(answer.text).toContain('redevance symbolique possible');

    const closed = await act(asker, id, 'cloturer', validated.revision);
    expect(closed.state).toBe('cloturee');
  });

  it('are delegated to another service, whose staff are mailed, the asker told', async () => {
    await signInAll();
    const { id, reference, revision } = await sentNote();
    const delegated = await act(lawyer, id, 'deleguer', revision, {
      service: 'service-rh',
      commentaire: 'Question de personnel.',
    });
    expect(delegated.state).toBe('transmise');
    expect(await stored(id)).toMatchObject({ unitCode: 'service-rh', assigneeId: null });
    await walk.mailAbout(`Note interne ${reference} : Convention`, HR);
    await walk.mailAbout(`Votre note ${reference} a été confiée à un autre service`, ASKER);
    const taken = await act(hr, id, 'prendre_en_charge', delegated.revision);
    expect(taken.state).toBe('en_cours');
    const gone = await rejection(lawyer.trpc.dossiers.get.query({ id }));
    expect(gone.code).toBe('NOT_FOUND');
  });

  it('take one follow-up question only, then close by themselves after fifteen days', async () => {
    await signInAll();
    const { id, reference, revision } = await sentNote();
    const taken = await act(lawyer, id, 'prendre_en_charge', revision);
    const drafted = await act(lawyer, id, 'rediger_reponse', taken.revision, {
      reponse: 'Une convention est nécessaire.',
    });
    const sent = await act(head, id, 'valider_reponse', drafted.revision);
    const followUp = await act(asker, id, 'relancer', sent.revision, {
      questionSuivi: 'Quelle durée maximale pour cette convention ?',
    });
    expect(followUp.state).toBe('en_cours');
    const relance = await walk.mailAbout(`Question complémentaire : note ${reference}`, LAWYER);
    expect(relance.text).toContain('Quelle durée maximale');
    const again = await act(lawyer, id, 'rediger_reponse', followUp.revision, {
      reponse: 'Un an, renouvelable par avenant.',
    });
    const resent = await act(head, id, 'valider_reponse', again.revision);
    const second = await rejection(
      act(asker, id, 'relancer', resent.revision, {
        questionSuivi: 'Et pour une autre association ?',
      }),
    );
    expect(second.message).toBe(
      'Une note ne peut être relancée qu’une fois : ouvrez une nouvelle note pour une autre question.',
    );

    walk.server.clock.advance(14 * DAY_MS);
    await walk.runTimers();
    expect(await stored(id)).toMatchObject({ state: 'reponse_envoyee' });
    walk.server.clock.advance(2 * DAY_MS);
    await walk.runTimers();
    expect(await stored(id)).toMatchObject({ state: 'cloturee' });
  });

  it('are withdrawn by the asker while handled, the service told', async () => {
    await signInAll();
    const { id, reference, revision } = await sentNote();
    const withdrawn = await act(asker, id, 'retirer', revision);
    expect(withdrawn.state).toBe('retiree');
    await walk.mailAbout(`Note ${reference} retirée`, LAWYER);
  });
});
