import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantDefinition } from '../../../shared/testing/grantDefinition.ts';
import { dossiers } from '../../db/index.ts';
import { insertPublishedDemarche } from '../demo/index.ts';
import { jobsOf } from '../dossiers/testing/dossierTestKit.ts';
import { rejection } from '../dossiers/testing/rejection.ts';
import { type DossierServer, startDossierServer } from '../dossiers/testing/startDossierServer.ts';
import { enqueueEffects } from '../effects/index.ts';
import type { SeededTenant } from '../testing/seedTenant.ts';
import { seedTenant } from '../testing/seedTenant.ts';
import type { TestClient } from '../testing/testClient.ts';
import { fireDueTimers } from './fireDueTimers.ts';

const DAY_MS = 86_400_000;
const DATA = { association: 'Les Amis du Parc', contact: 'bureau@amis.fr', montantDemande: 1200 };

// A grant procedure walked through the API: milestone `complet`, writes into the data,
// a context guard with the admin's message, a transfer to the service the agent types,
// and « silence vaut accord » two months after `complet`, in whatever state it is then.
// Like every API test, on PostgreSQL with `DATABASE_URL`, on PGlite without.
describe('the grant procedure through the API', () => {
  let server: DossierServer;
  let world: SeededTenant;
  let citizen: TestClient;
  let agent: TestClient;

  beforeAll(async () => {
    server = await startDossierServer();
    world = await seedTenant(server.database.db);
    await insertPublishedDemarche(server.database.db, world.tenantId, grantDefinition);
    citizen = await server.signIn(world, 'citizen');
    agent = await server.signIn(world, 'agent');
  });
  afterAll(() => server?.close());

  async function submitted(): Promise<string> {
    const { id } = await citizen.trpc.dossiers.create.mutate({ demarche: 'subvention' });
    await citizen.trpc.dossiers.saveDraft.mutate({ id, data: DATA, revision: 0 });
    await citizen.trpc.dossiers.submit.mutate({
      id,
      transition: 'deposer',
      revision: 1,
      idempotencyKey: randomUUID(),
    });
    return id;
  }

  const act = (id: string, transition: string, revision: number, input?: Record<string, unknown>) =>
    agent.trpc.dossiers.act.mutate({ id, transition, revision, ...(input ? { input } : {}) });

  const stored = async (id: string) => {
    const [row] = await server.database.db.select().from(dossiers).where(eq(dossiers.id, id));
    return row!;
  };

  const runTimers = () =>
    fireDueTimers({
      database: server.database,
      clock: server.clock.now,
      enqueue: enqueueEffects,
      log: () => {},
    });

  it('refuses a decision before the opinion in the admin’s words, then writes both into the dossier', async () => {
    const id = await submitted();
    await act(id, 'declarer_complet', 2);

    const early = await rejection(act(id, 'accorder', 3, { montant: 800 }));
    const message = 'Un avis du service instructeur doit avoir été donné avant d’accorder.';
    expect(early).toMatchObject({ domainCode: 'GUARD_FAILED', message });
    expect(early.fieldErrors).toEqual({ avis: [message] });

    await act(id, 'donner_avis', 3, { avis: 'Favorable' });
    expect((await stored(id)).data).toEqual({ ...DATA, avis: 'Favorable' });
    const granted = await act(id, 'accorder', 4, { montant: 800 });
    expect(granted).toMatchObject({ state: 'accorde' });
    expect((await stored(id)).data).toEqual({ ...DATA, avis: 'Favorable', montantAccorde: 800 });

    const history = await citizen.trpc.dossiers.history.query({ id });
    expect(history.at(-1)?.changes).toEqual({
      'data.montantAccorde': { before: null, after: 800 },
    });
    expect(history.at(-2)?.changes).toEqual({ 'data.avis': { before: null, after: 'Favorable' } });
    expect(await jobsOf(server.database, id)).toContainEqual({
      name: 'effect-notify',
      type: 'notify',
    });
  });

  it('refuses to grant more than was asked, in the admin’s words beside the amount', async () => {
    const id = await submitted();
    await act(id, 'declarer_complet', 2);
    const opinion = await act(id, 'donner_avis', 3, { avis: 'Favorable' });
    const tooMuch = await rejection(act(id, 'accorder', 4, { montant: 1500 }));
    const message = 'Le montant accordé ne peut pas dépasser le montant demandé.';
    expect(tooMuch).toMatchObject({ domainCode: 'GUARD_FAILED', message });
    expect(tooMuch.fieldErrors).toEqual({ montant: [message] });
    expect((await stored(id)).state).toBe(opinion.state);
    expect(await act(id, 'accorder', 4, { montant: 1200 })).toMatchObject({ state: 'accorde' });
  });

  it('transfers to the service the agent types, and refuses an unknown one on its field', async () => {
    const id = await submitted();
    await act(id, 'declarer_complet', 2);

    const unknown = await rejection(act(id, 'transmettre', 3, { service: 'prefecture' }));
    expect(unknown).toMatchObject({ code: 'BAD_REQUEST', domainCode: 'INVALID_INPUT' });
    expect(unknown.fieldErrors).toEqual({
      service: [
        'Le service « prefecture » n’existe pas ou est archivé : saisissez le code d’un service en activité de votre organisation.',
      ],
    });
    expect(await stored(id)).toMatchObject({ unitCode: 'ccas', revision: 3 });

    await act(id, 'transmettre', 3, { service: 'ccas-familles' });
    expect(await stored(id)).toMatchObject({ unitCode: 'ccas-familles', state: 'instruction' });
  });

  it('grants tacitly two months after « complet », whatever state the dossier entered since', async () => {
    const id = await submitted();
    await act(id, 'declarer_complet', 2);
    server.clock.advance(40 * DAY_MS);
    // Sessions expired meanwhile: sign in again.
    citizen = await server.signIn(world, 'citizen');
    agent = await server.signIn(world, 'agent');
    await act(id, 'donner_avis', 3, { avis: 'Réservé' });
    const waiting = await submitted(); // never declared complete: no milestone, no timer

    server.clock.advance(20 * DAY_MS); // 60 days after complet: P2M is not over yet
    await runTimers();
    expect(await stored(id)).toMatchObject({ state: 'examen' });

    server.clock.advance(2 * DAY_MS); // past 2 months after the milestone
    // The transferred dossier of the test before reached `complet` too: both fire.
    expect(await runTimers()).toMatchObject({ fired: 2, failed: 0 });
    expect(await stored(id)).toMatchObject({ state: 'accord_tacite' });
    expect(await stored(waiting)).toMatchObject({ state: 'depose' });

    citizen = await server.signIn(world, 'citizen');
    const [event] = (await citizen.trpc.dossiers.history.query({ id })).slice(-1);
    expect(event).toMatchObject({
      transition: { id: 'silence_vaut_accord' },
      from: { id: 'examen' },
    });
    server.clock.advance(90 * DAY_MS);
    expect(await runTimers()).toMatchObject({ fired: 0 });
  });
});
