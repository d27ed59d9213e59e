import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, dossiers } from '../../db/index.ts';
import type { SeededTenant } from '../testing/seedTenant.ts';
import { seedTenant } from '../testing/seedTenant.ts';
import type { TestClient } from '../testing/testClient.ts';
import { countFor, jobsOf, VALID_SOCIAL_AID } from './testing/dossierTestKit.ts';
import { rejection } from './testing/rejection.ts';
import { type DossierServer, startDossierServer } from './testing/startDossierServer.ts';

let server: DossierServer;
let world: SeededTenant;
let citizen: TestClient;
let agent: TestClient;

beforeAll(async () => {
  server = await startDossierServer();
  world = await seedTenant(server.database.db);
  citizen = await server.signIn(world, 'citizen');
  agent = await server.signIn(world, 'agent');
});
afterAll(() => server.close());

/** A submitted dossier of the citizen holding `data`, at revision 2. */
async function submittedDossier(data: Record<string, unknown> = VALID_SOCIAL_AID) {
  const { id } = await citizen.trpc.dossiers.create.mutate({ demarche: 'aide-sociale' });
  await citizen.trpc.dossiers.saveDraft.mutate({ id, data, revision: 0 });
  return citizen.trpc.dossiers.submit.mutate({
    id,
    transition: 'deposer',
    revision: 1,
    idempotencyKey: randomUUID(),
  });
}

async function storedRow(id: string) {
  const [row] = await server.database.db.select().from(dossiers).where(eq(dossiers.id, id));
  return row!;
}

describe('the social-aid journey through the API', () => {
  it('goes from draft to refusal, with numbering, routing, outbox, audit and history', async () => {
    const created = await citizen.trpc.dossiers.create.mutate({ demarche: 'aide-sociale' });
    expect(created).toMatchObject({ reference: null, revision: 0, state: { id: 'brouillon' } });
    const { id } = created;

    const partial = await citizen.trpc.dossiers.saveDraft.mutate({
      id,
      data: { nom: 'Martin', email: 'pas-une-adresse' },
      revision: 0,
    });
    expect(partial).toEqual({ id, revision: 1, savedFields: ['email', 'nom'] });

    const invalid = await rejection(
      citizen.trpc.dossiers.submit.mutate({
        id,
        transition: 'deposer',
        revision: 1,
        idempotencyKey: randomUUID(),
      }),
    );
    expect(invalid).toMatchObject({ code: 'BAD_REQUEST', domainCode: 'INVALID_DATA' });
    expect(invalid.fieldErrors).toMatchObject({
      prenom: ['Ce champ est obligatoire.'],
      email: ['L’adresse électronique n’est pas valide.'],
      revenuMensuel: ['Ce champ est obligatoire.'],
    });
    expect(await storedRow(id)).toMatchObject({ state: 'brouillon', revision: 1, reference: null });

    await citizen.trpc.dossiers.saveDraft.mutate({ id, data: VALID_SOCIAL_AID, revision: 1 });
    const submitted = await citizen.trpc.dossiers.submit.mutate({
      id,
      transition: 'deposer',
      revision: 2,
      idempotencyKey: randomUUID(),
    });
    expect(submitted).toMatchObject({
      reference: 'AIDE-2026-000001',
      state: 'depose',
      stateLabel: 'Déposé',
      unitCode: 'ccas',
      revision: 3,
    });
    expect(await countFor(server.database, 'dossier_events', id, "type = 'transition'")).toBe(1);
    expect(await jobsOf(server.database, id)).toEqual([{ name: 'effect-notify', type: 'notify' }]);

    const mine = await citizen.trpc.dossiers.mine.query();
    expect(mine[0]).toMatchObject({
      id,
      reference: 'AIDE-2026-000001',
      state: { label: 'Déposé' },
    });

    const seen = await agent.trpc.dossiers.get.query({ id });
    expect(seen.allowedActions.map((a) => a.transition)).toEqual(['prendre_en_charge']);
    expect(seen.editableFields).toEqual([]);
    const reads = await server.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.object, `dossier:${id}`), eq(auditLog.action, 'dossier.read')));
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ actor: `user:${world.accounts.agent.id}` });

    const taken = await agent.trpc.dossiers.act.mutate({
      id,
      transition: 'prendre_en_charge',
      revision: 3,
    });
    expect(taken).toMatchObject({
      state: 'en_instruction',
      assigneeId: world.accounts.agent.id,
      revision: 4,
    });

    const noReason = await rejection(
      agent.trpc.dossiers.act.mutate({ id, transition: 'refuser', revision: 4 }),
    );
    expect(noReason).toMatchObject({ code: 'BAD_REQUEST', domainCode: 'INVALID_INPUT' });
    expect(noReason.fieldErrors).toEqual({ motif: ['Ce champ est obligatoire.'] });
    const shortReason = await rejection(
      agent.trpc.dossiers.act.mutate({
        id,
        transition: 'refuser',
        input: { motif: 'non' },
        revision: 4,
      }),
    );
    expect(shortReason.fieldErrors).toEqual({
      motif: ['Ce champ doit contenir au moins 10 caractères.'],
    });

    const motif = 'Pièces justificatives manquantes.';
    const refused = await agent.trpc.dossiers.act.mutate({
      id,
      transition: 'refuser',
      input: { motif },
      revision: 4,
    });
    expect(refused).toMatchObject({ state: 'refuse', stateLabel: 'Refusé', revision: 5 });
    expect((await jobsOf(server.database, id)).map((job) => job.type)).toEqual([
      'notify',
      'letter',
      'notify',
    ]);

    const history = await citizen.trpc.dossiers.history.query({ id });
    expect(history.map((entry) => entry.type)).toEqual([
      'created',
      'data_saved',
      'data_saved',
      'transition',
      'transition',
      'transition',
    ]);
    expect(history.at(-1)).toMatchObject({
      actorName: 'Antoine Agent',
      transition: { id: 'refuser', label: 'Refuser' },
      from: { id: 'en_instruction', label: 'En instruction' },
      to: { id: 'refuse', label: 'Refusé' },
      input: { motif },
    });
    expect(history[3]).toMatchObject({
      actorName: 'Claire Citoyenne',
      details: { reference: 'AIDE-2026-000001' },
      changes: { unit: { before: null, after: 'ccas' } },
    });
    expect(history[2]?.changes).toMatchObject({ prenom: { before: null, after: 'Claire' } });
    const transitions = await server.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.object, `dossier:${id}`), eq(auditLog.action, 'dossier.transition')));
    expect(transitions).toHaveLength(3);
  });

  it('blocks acceptance on the guard and names the failing field', async () => {
    const { id } = await submittedDossier({ ...VALID_SOCIAL_AID, revenuMensuel: 2000 });
    await agent.trpc.dossiers.act.mutate({ id, transition: 'prendre_en_charge', revision: 2 });
    const view = await agent.trpc.dossiers.get.query({ id });
    const accept = view.allowedActions.find((a) => a.transition === 'accepter');
    expect(accept?.blockedBy).toEqual([
      {
        field: '/revenuMensuel',
        rule: 'maximum',
        message: expect.stringMatching(/^La valeur doit être inférieure ou égale à 1\s500\.$/),
      },
    ]);
    const refused = await rejection(
      agent.trpc.dossiers.act.mutate({ id, transition: 'accepter', revision: 3 }),
    );
    expect(refused).toMatchObject({ code: 'PRECONDITION_FAILED', domainCode: 'GUARD_FAILED' });
    expect(refused.fieldErrors).toEqual({ revenuMensuel: [accept?.blockedBy?.[0]?.message] });
    expect(await storedRow(id)).toMatchObject({ state: 'en_instruction', revision: 3 });
  });

  it('lets the applicant withdraw their own dossier', async () => {
    const { id } = await submittedDossier();
    const withdrawn = await citizen.trpc.dossiers.act.mutate({
      id,
      transition: 'retirer',
      revision: 2,
    });
    expect(withdrawn).toMatchObject({ state: 'retire', stateLabel: 'Retiré' });
  });
});

describe('concurrency and idempotency', () => {
  it('refuses a stale autosave with the current revision, overwriting nothing', async () => {
    const { id } = await citizen.trpc.dossiers.create.mutate({ demarche: 'aide-sociale' });
    await citizen.trpc.dossiers.saveDraft.mutate({ id, data: { nom: 'Martin' }, revision: 0 });
    const stale = await rejection(
      citizen.trpc.dossiers.saveDraft.mutate({ id, data: { nom: 'Écrasé' }, revision: 0 }),
    );
    expect(stale).toMatchObject({ code: 'CONFLICT', domainCode: 'STALE_REVISION' });
    expect(stale.details).toMatchObject({ currentRevision: 1, expectedRevision: 0 });
    expect((await storedRow(id)).data).toEqual({ nom: 'Martin' });
  });

  it('refuses oversized form data with a clear error, writing nothing', async () => {
    const { id } = await citizen.trpc.dossiers.create.mutate({ demarche: 'aide-sociale' });
    const overCap = await rejection(
      citizen.trpc.dossiers.saveDraft.mutate({
        id,
        data: { nom: 'x'.repeat(1_500_000) },
        revision: 0,
      }),
    );
    expect(overCap).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', domainCode: 'PAYLOAD_TOO_LARGE' });
    expect(overCap.message).toBe('Le formulaire dépasse la taille maximale autorisée (1 Mo).');
    const fiveMegabytes = await rejection(
      citizen.trpc.dossiers.saveDraft.mutate({
        id,
        data: { nom: 'x'.repeat(5 * 1024 * 1024) },
        revision: 0,
      }),
    );
    expect(fiveMegabytes).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', httpStatus: 413 });
    expect(await storedRow(id)).toMatchObject({ revision: 0, data: {} });
  });

  it('answers a repeated submission key with the same result, even concurrently', async () => {
    const { id } = await citizen.trpc.dossiers.create.mutate({ demarche: 'aide-sociale' });
    await citizen.trpc.dossiers.saveDraft.mutate({ id, data: VALID_SOCIAL_AID, revision: 0 });
    const input = { id, transition: 'deposer', revision: 1, idempotencyKey: randomUUID() };
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => citizen.trpc.dossiers.submit.mutate(input)),
    );
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    const again = await citizen.trpc.dossiers.submit.mutate(input);
    expect(again).toEqual(answers[0]);
    expect(await countFor(server.database, 'dossier_events', id, "type = 'transition'")).toBe(1);
    expect(await jobsOf(server.database, id)).toHaveLength(1);

    const mismatch = await rejection(
      citizen.trpc.dossiers.submit.mutate({ ...input, revision: 0 }),
    );
    expect(mismatch).toMatchObject({
      code: 'UNPROCESSABLE_CONTENT',
      httpStatus: 422,
      domainCode: 'IDEMPOTENCY_MISMATCH',
    });
  });

  it('lets one of two agents acting at once win and tells the other why', async () => {
    const supervisor = await server.signIn(world, 'supervisor');
    const { id } = await submittedDossier();
    const results = await Promise.allSettled([
      agent.trpc.dossiers.act.mutate({ id, transition: 'prendre_en_charge', revision: 2 }),
      supervisor.trpc.dossiers.act.mutate({ id, transition: 'prendre_en_charge', revision: 2 }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    const refused = await rejection(Promise.reject(lost.reason));
    expect(refused).toMatchObject({ code: 'CONFLICT', domainCode: 'STALE_REVISION' });
    expect(refused.details).toMatchObject({
      currentRevision: 3,
      lastChange: { transition: 'prendre_en_charge' },
    });
  });
});

describe('access control', () => {
  it('rejects extra input keys and writes nothing', async () => {
    const { id } = await citizen.trpc.dossiers.create.mutate({ demarche: 'aide-sociale' });
    // Thunks: each call starts when awaited, so no refusal goes unhandled meanwhile.
    const calls = [
      () =>
        citizen.trpc.dossiers.saveDraft.mutate({
          id,
          data: { nom: 'X' },
          revision: 0,
          state: 'accepte',
        } as never),
      () =>
        citizen.trpc.dossiers.create.mutate({
          demarche: 'aide-sociale',
          tenantId: randomUUID(),
        } as never),
      () =>
        citizen.trpc.dossiers.act.mutate({
          id,
          transition: 'deposer',
          revision: 0,
          assigneeId: world.accounts.citizen.id,
        } as never),
    ];
    for (const call of calls) expect((await rejection(call())).code).toBe('BAD_REQUEST');
    expect(await storedRow(id)).toMatchObject({ revision: 0, data: {}, assigneeId: null });
  });

  it('forbids a citizen an agent transition, and audits the denial', async () => {
    const { id } = await submittedDossier();
    const refused = await rejection(
      citizen.trpc.dossiers.act.mutate({ id, transition: 'prendre_en_charge', revision: 2 }),
    );
    expect(refused).toMatchObject({ code: 'FORBIDDEN', domainCode: 'NOT_ALLOWED' });
    expect(refused.message).toContain('Prendre en charge');
    const denials = await server.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.object, `dossier:${id}`), eq(auditLog.action, 'dossier.denied')));
    expect(denials).toHaveLength(1);
  });

  it('hides a dossier from an agent of another unit and from other citizens', async () => {
    const { id } = await submittedDossier();
    const mairie = await server.signIn(world, 'agentMairie');
    const other = await server.signIn(world, 'otherCitizen');
    for (const client of [mairie, other]) {
      expect((await rejection(client.trpc.dossiers.get.query({ id }))).code).toBe('NOT_FOUND');
      const act = client.trpc.dossiers.act.mutate({
        id,
        transition: 'prendre_en_charge',
        revision: 2,
      });
      expect((await rejection(act)).code).toBe('NOT_FOUND');
    }
    const staffCreate = await rejection(
      mairie.trpc.dossiers.create.mutate({ demarche: 'aide-sociale' }),
    );
    expect(staffCreate.code).toBe('FORBIDDEN');
  });

  it('answers another tenant exactly as for a random id, on every procedure', async () => {
    const { id } = await submittedDossier();
    const elsewhere = await seedTenant(server.database.db);
    const intruders = await Promise.all(
      (['admin', 'agent', 'citizen'] as const).map((who) => server.signIn(elsewhere, who)),
    );
    for (const intruder of intruders) {
      const calls = (target: string) => [
        intruder.trpc.dossiers.get.query({ id: target }),
        intruder.trpc.dossiers.history.query({ id: target }),
        intruder.trpc.dossiers.saveDraft.mutate({ id: target, data: {}, revision: 2 }),
        intruder.trpc.dossiers.submit.mutate({
          id: target,
          transition: 'deposer',
          revision: 2,
          idempotencyKey: randomUUID(),
        }),
        intruder.trpc.dossiers.act.mutate({ id: target, transition: 'retirer', revision: 2 }),
        intruder.trpc.dossiers.messages.list.query({ dossierId: target }),
        intruder.trpc.dossiers.messages.send.mutate({ dossierId: target, body: 'Bonjour' }),
      ];
      const foreign = await Promise.all(calls(id).map(rejection));
      const random = await Promise.all(calls(randomUUID()).map(rejection));
      expect(foreign).toEqual(random);
      for (const refused of foreign) {
        expect(refused).toMatchObject({
          code: 'NOT_FOUND',
          message: 'Ce dossier est introuvable.',
        });
      }
    }
    expect(await storedRow(id)).toMatchObject({ state: 'depose', revision: 2 });
  });

  it('requires a session', async () => {
    const anonymous = server.client();
    expect((await rejection(anonymous.trpc.dossiers.mine.query())).code).toBe('UNAUTHORIZED');
  });
});

describe('messages', () => {
  it('carries messages between applicant and staff, as plain text in the history', async () => {
    const { id } = await submittedDossier();
    const body = '<b>Bonjour</b>, voici mon avis d’imposition.';
    const sent = await citizen.trpc.dossiers.messages.send.mutate({
      dossierId: id,
      body: `  ${body} `,
    });
    expect(sent).toMatchObject({ authorRole: 'applicant', body, mine: true });
    server.clock.advance(60_000);
    await agent.trpc.dossiers.messages.send.mutate({ dossierId: id, body: 'Merci, bien reçu.' });
    const seenByCitizen = await citizen.trpc.dossiers.messages.list.query({ dossierId: id });
    expect(seenByCitizen.map((m) => [m.authorRole, m.authorName, m.mine])).toEqual([
      ['applicant', 'Claire Citoyenne', true],
      ['agent', 'Antoine Agent', false],
    ]);
    expect(await countFor(server.database, 'dossier_events', id, "type = 'message_sent'")).toBe(2);
    expect((await storedRow(id)).revision).toBe(2);
  });

  it('refuses empty or oversized messages and messages on drafts', async () => {
    const { id } = await submittedDossier();
    const empty = await rejection(
      citizen.trpc.dossiers.messages.send.mutate({ dossierId: id, body: '   ' }),
    );
    expect(empty).toMatchObject({ code: 'BAD_REQUEST', domainCode: 'INVALID_INPUT' });
    const long = await rejection(
      citizen.trpc.dossiers.messages.send.mutate({ dossierId: id, body: 'x'.repeat(5001) }),
    );
    expect(long.code).toBe('BAD_REQUEST');
    const draft = await citizen.trpc.dossiers.create.mutate({ demarche: 'aide-sociale' });
    const onDraft = await rejection(
      citizen.trpc.dossiers.messages.send.mutate({ dossierId: draft.id, body: 'Bonjour' }),
    );
    expect(onDraft).toMatchObject({ code: 'PRECONDITION_FAILED', domainCode: 'NOT_SUBMITTED' });
  });
});
