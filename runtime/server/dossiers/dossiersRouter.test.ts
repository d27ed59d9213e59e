import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog } from '../../db/index.ts';
import { useDossierApi } from './testing/dossierApi.ts';
import { countFor, jobsOf, VALID_SOCIAL_AID } from './testing/dossierTestKit.ts';
import { rejection } from './testing/rejection.ts';

const api = useDossierApi();

describe('the social-aid journey through the API', () => {
  it('goes from draft to refusal, with numbering, routing, outbox, audit and history', async () => {
    const created = await api().citizen.trpc.dossiers.create.mutate({ demarche: 'aide-sociale' });
    expect(created).toMatchObject({ reference: null, revision: 0, state: { id: 'brouillon' } });
    const { id } = created;

    const partial = await api().citizen.trpc.dossiers.saveDraft.mutate({
      id,
      data: { nom: 'Martin', email: 'pas-une-adresse' },
      revision: 0,
    });
    expect(partial).toEqual({ id, revision: 1, savedFields: ['email', 'nom'] });

    const invalid = await rejection(
      api().citizen.trpc.dossiers.submit.mutate({
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
    expect(await api().storedRow(id)).toMatchObject({
      state: 'brouillon',
      revision: 1,
      reference: null,
    });

    await api().citizen.trpc.dossiers.saveDraft.mutate({ id, data: VALID_SOCIAL_AID, revision: 1 });
    const submitted = await api().citizen.trpc.dossiers.submit.mutate({
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
    expect(await countFor(api().server.database, 'dossier_events', id, "type = 'transition'")).toBe(
      1,
    );
    expect(await jobsOf(api().server.database, id)).toEqual([
      { name: 'effect-notify', type: 'notify' },
    ]);

    const mine = await api().citizen.trpc.dossiers.mine.query();
    expect(mine[0]).toMatchObject({
      id,
      reference: 'AIDE-2026-000001',
      state: { label: 'Déposé' },
    });

    const seen = await api().agent.trpc.dossiers.get.query({ id });
    expect(seen.allowedActions.map((a) => a.transition)).toEqual(['prendre_en_charge']);
    expect(seen.editableFields).toEqual([]);
    const reads = await api()
      .server.database.db.select()
      .from(auditLog)
      .where(and(eq(auditLog.object, `dossier:${id}`), eq(auditLog.action, 'dossier.read')));
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ actor: `user:${api().world.accounts.agent.id}` });

    const taken = await api().agent.trpc.dossiers.act.mutate({
      id,
      transition: 'prendre_en_charge',
      revision: 3,
    });
    expect(taken).toMatchObject({
      state: 'en_instruction',
      assigneeId: api().world.accounts.agent.id,
      revision: 4,
    });

    const noReason = await rejection(
      api().agent.trpc.dossiers.act.mutate({ id, transition: 'refuser', revision: 4 }),
    );
    expect(noReason).toMatchObject({ code: 'BAD_REQUEST', domainCode: 'INVALID_INPUT' });
    expect(noReason.fieldErrors).toEqual({ motif: ['Ce champ est obligatoire.'] });
    const shortReason = await rejection(
      api().agent.trpc.dossiers.act.mutate({
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
    const refused = await api().agent.trpc.dossiers.act.mutate({
      id,
      transition: 'refuser',
      input: { motif },
      revision: 4,
    });
    expect(refused).toMatchObject({ state: 'refuse', stateLabel: 'Refusé', revision: 5 });
    expect((await jobsOf(api().server.database, id)).map((job) => job.type)).toEqual([
      'notify',
      'letter',
      'notify',
    ]);

    const history = await api().citizen.trpc.dossiers.history.query({ id });
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
    const transitions = await api()
      .server.database.db.select()
      .from(auditLog)
      .where(and(eq(auditLog.object, `dossier:${id}`), eq(auditLog.action, 'dossier.transition')));
    expect(transitions).toHaveLength(3);
  });

  it('blocks acceptance on the guard and names the failing field', async () => {
    const { id } = await api().submittedDossier({ ...VALID_SOCIAL_AID, revenuMensuel: 2000 });
    await api().agent.trpc.dossiers.act.mutate({
      id,
      transition: 'prendre_en_charge',
      revision: 2,
    });
    const view = await api().agent.trpc.dossiers.get.query({ id });
    const accept = view.allowedActions.find((a) => a.transition === 'accepter');
    expect(accept?.blockedBy).toEqual([
      {
        field: '/revenuMensuel',
        rule: 'maximum',
        message: expect.stringMatching(/^La valeur doit être inférieure ou égale à 1\s500\.$/),
      },
    ]);
    const refused = await rejection(
      api().agent.trpc.dossiers.act.mutate({ id, transition: 'accepter', revision: 3 }),
    );
    expect(refused).toMatchObject({ code: 'PRECONDITION_FAILED', domainCode: 'GUARD_FAILED' });
    expect(refused.fieldErrors).toEqual({ revenuMensuel: [accept?.blockedBy?.[0]?.message] });
    expect(await api().storedRow(id)).toMatchObject({ state: 'en_instruction', revision: 3 });
  });

  it('lets the applicant withdraw their own dossier', async () => {
    const { id } = await api().submittedDossier();
    const withdrawn = await api().citizen.trpc.dossiers.act.mutate({
      id,
      transition: 'retirer',
      revision: 2,
    });
    expect(withdrawn).toMatchObject({ state: 'retire', stateLabel: 'Retiré' });
  });
});

describe('concurrency and idempotency', () => {
  it('refuses a stale autosave with the current revision, overwriting nothing', async () => {
    const { id } = await api().citizen.trpc.dossiers.create.mutate({ demarche: 'aide-sociale' });
    await api().citizen.trpc.dossiers.saveDraft.mutate({
      id,
      data: { nom: 'Martin' },
      revision: 0,
    });
    const stale = await rejection(
      api().citizen.trpc.dossiers.saveDraft.mutate({ id, data: { nom: 'Écrasé' }, revision: 0 }),
    );
    expect(stale).toMatchObject({ code: 'CONFLICT', domainCode: 'STALE_REVISION' });
    expect(stale.details).toMatchObject({ currentRevision: 1, expectedRevision: 0 });
    expect((await api().storedRow(id)).data).toEqual({ nom: 'Martin' });
  });

  it('refuses oversized form data with a clear error, writing nothing', async () => {
    const { id } = await api().citizen.trpc.dossiers.create.mutate({ demarche: 'aide-sociale' });
    const overCap = await rejection(
      api().citizen.trpc.dossiers.saveDraft.mutate({
        id,
        data: { nom: 'x'.repeat(1_500_000) },
        revision: 0,
      }),
    );
    expect(overCap).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', domainCode: 'PAYLOAD_TOO_LARGE' });
    expect(overCap.message).toBe('Le formulaire dépasse la taille maximale autorisée (1 Mo).');
    const fiveMegabytes = await rejection(
      api().citizen.trpc.dossiers.saveDraft.mutate({
        id,
        data: { nom: 'x'.repeat(5 * 1024 * 1024) },
        revision: 0,
      }),
    );
    expect(fiveMegabytes).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', httpStatus: 413 });
    expect(fiveMegabytes.message).toBe('La requête dépasse la taille maximale acceptée (2 Mo).');
    expect(await api().storedRow(id)).toMatchObject({ revision: 0, data: {} });
  });

  it('answers a repeated submission key with the same result, even concurrently', async () => {
    const { id } = await api().citizen.trpc.dossiers.create.mutate({ demarche: 'aide-sociale' });
    await api().citizen.trpc.dossiers.saveDraft.mutate({ id, data: VALID_SOCIAL_AID, revision: 0 });
    const input = { id, transition: 'deposer', revision: 1, idempotencyKey: randomUUID() };
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => api().citizen.trpc.dossiers.submit.mutate(input)),
    );
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    const again = await api().citizen.trpc.dossiers.submit.mutate(input);
    expect(again).toEqual(answers[0]);
    expect(await countFor(api().server.database, 'dossier_events', id, "type = 'transition'")).toBe(
      1,
    );
    expect(await jobsOf(api().server.database, id)).toHaveLength(1);

    const mismatch = await rejection(
      api().citizen.trpc.dossiers.submit.mutate({ ...input, revision: 0 }),
    );
    expect(mismatch).toMatchObject({
      code: 'UNPROCESSABLE_CONTENT',
      httpStatus: 422,
      domainCode: 'IDEMPOTENCY_MISMATCH',
    });
  });

  it('lets one of two agents acting at once win and tells the other why', async () => {
    const supervisor = await api().server.signIn(api().world, 'supervisor');
    const { id } = await api().submittedDossier();
    const results = await Promise.allSettled([
      api().agent.trpc.dossiers.act.mutate({ id, transition: 'prendre_en_charge', revision: 2 }),
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
