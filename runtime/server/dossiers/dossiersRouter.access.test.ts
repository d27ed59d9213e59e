import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog } from '../../db/index.ts';
import { seedTenant } from '../testing/seedTenant.ts';
import { useDossierApi } from './testing/dossierApi.ts';
import { countFor } from './testing/dossierTestKit.ts';
import { rejection } from './testing/rejection.ts';

const api = useDossierApi();

describe('access control', () => {
  it('rejects extra input keys and writes nothing', async () => {
    const { id } = await api().citizen.trpc.dossiers.create.mutate({ demarche: 'aide-sociale' });
    // Thunks: each call starts when awaited, so no refusal goes unhandled meanwhile.
    const calls = [
      () =>
        api().citizen.trpc.dossiers.saveDraft.mutate({
          id,
          data: { nom: 'X' },
          revision: 0,
          state: 'accepte',
        } as never),
      () =>
        api().citizen.trpc.dossiers.create.mutate({
          demarche: 'aide-sociale',
          tenantId: randomUUID(),
        } as never),
      () =>
        api().citizen.trpc.dossiers.act.mutate({
          id,
          transition: 'deposer',
          revision: 0,
          assigneeId: api().world.accounts.citizen.id,
        } as never),
    ];
    for (const call of calls) expect((await rejection(call())).code).toBe('BAD_REQUEST');
    expect(await api().storedRow(id)).toMatchObject({ revision: 0, data: {}, assigneeId: null });
  });

  it('forbids a citizen an agent transition, and audits the denial', async () => {
    const { id } = await api().submittedDossier();
    const refused = await rejection(
      api().citizen.trpc.dossiers.act.mutate({ id, transition: 'prendre_en_charge', revision: 2 }),
    );
    expect(refused).toMatchObject({ code: 'FORBIDDEN', domainCode: 'NOT_ALLOWED' });
    expect(refused.message).toContain('Prendre en charge');
    const denials = await api()
      .server.database.db.select()
      .from(auditLog)
      .where(and(eq(auditLog.object, `dossier:${id}`), eq(auditLog.action, 'dossier.denied')));
    expect(denials).toHaveLength(1);
  });

  it('hides a dossier from an agent of another unit and from other citizens', async () => {
    const { id } = await api().submittedDossier();
    const mairie = await api().server.signIn(api().world, 'agentMairie');
    const other = await api().server.signIn(api().world, 'otherCitizen');
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
    const { id } = await api().submittedDossier();
    const elsewhere = await seedTenant(api().server.database.db);
    const intruders = await Promise.all(
      (['admin', 'agent', 'citizen'] as const).map((who) => api().server.signIn(elsewhere, who)),
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
    expect(await api().storedRow(id)).toMatchObject({ state: 'depose', revision: 2 });
  });

  it('requires a session', async () => {
    const anonymous = api().server.client();
    expect((await rejection(anonymous.trpc.dossiers.mine.query())).code).toBe('UNAUTHORIZED');
  });
});

describe('messages', () => {
  it('carries messages between applicant and staff, as plain text in the history', async () => {
    const { id } = await api().submittedDossier();
    const body = '<b>Bonjour</b>, voici mon avis d’imposition.';
    const sent = await api().citizen.trpc.dossiers.messages.send.mutate({
      dossierId: id,
      body: `  ${body} `,
    });
    expect(sent).toMatchObject({ authorRole: 'applicant', body, mine: true });
    api().server.clock.advance(60_000);
    await api().agent.trpc.dossiers.messages.send.mutate({
      dossierId: id,
      body: 'Merci, bien reçu.',
    });
    const seenByCitizen = await api().citizen.trpc.dossiers.messages.list.query({ dossierId: id });
    expect(seenByCitizen.map((m) => [m.authorRole, m.authorName, m.mine])).toEqual([
      ['applicant', 'Claire Citoyenne', true],
      ['agent', 'Antoine Agent', false],
    ]);
    expect(
      await countFor(api().server.database, 'dossier_events', id, "type = 'message_sent'"),
    ).toBe(2);
    expect((await api().storedRow(id)).revision).toBe(2);
  });

  it('refuses empty or oversized messages and messages on drafts', async () => {
    const { id } = await api().submittedDossier();
    const empty = await rejection(
      api().citizen.trpc.dossiers.messages.send.mutate({ dossierId: id, body: '   ' }),
    );
    expect(empty).toMatchObject({ code: 'BAD_REQUEST', domainCode: 'INVALID_INPUT' });
    const long = await rejection(
      api().citizen.trpc.dossiers.messages.send.mutate({ dossierId: id, body: 'x'.repeat(5001) }),
    );
    expect(long.code).toBe('BAD_REQUEST');
    const draft = await api().citizen.trpc.dossiers.create.mutate({ demarche: 'aide-sociale' });
    const onDraft = await rejection(
      api().citizen.trpc.dossiers.messages.send.mutate({ dossierId: draft.id, body: 'Bonjour' }),
    );
    expect(onDraft).toMatchObject({ code: 'PRECONDITION_FAILED', domainCode: 'NOT_SUBMITTED' });
  });
});
