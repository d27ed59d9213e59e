import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { socialAidDefinition } from '../../../shared/testing/socialAidDefinition.ts';
import { auditLog, dossiers, users } from '../../db/index.ts';
import { definitionWithFiles, PNG, uploadFile } from '../attachments/testing/attachmentFixtures.ts';
import { TRACKING_CODE_MAIL_QUEUE } from '../core/jobPort.ts';
import { insertPublishedDemarche } from '../demo/index.ts';
import { VALID_SOCIAL_AID } from '../dossiers/testing/dossierTestKit.ts';
import { rejection } from '../dossiers/testing/rejection.ts';
import { type DossierServer, startDossierServer } from '../dossiers/testing/startDossierServer.ts';
import { type SeededTenant, seedTenant } from '../testing/seedTenant.ts';
import type { TestClient } from '../testing/testClient.ts';

/** Filed at the counter on behalf of a person, by agents only; with file fields. */
const atCounter = structuredClone(definitionWithFiles);
atCounter.meta.slug = 'au-guichet';
atCounter.meta.title = 'Aide sociale au guichet';
atCounter.access = { staff: { roles: ['agent'], applicant: 'person' } };
/** An agent's own request (like an internal note), agents and supervisors. */
const internal = structuredClone(socialAidDefinition);
internal.meta.slug = 'demande-interne';
internal.meta.title = 'Demande interne';
internal.access = { staff: { roles: ['agent', 'supervisor'], applicant: 'self' } };

let server: DossierServer;
let world: SeededTenant;
let other: SeededTenant;
let agent: TestClient;
let agentMairie: TestClient;
let supervisor: TestClient;
let citizen: TestClient;

beforeAll(async () => {
  server = await startDossierServer();
  world = await seedTenant(server.database.db);
  other = await seedTenant(server.database.db);
  for (const definition of [atCounter, internal]) {
    await insertPublishedDemarche(server.database.db, world.tenantId, definition);
    await insertPublishedDemarche(server.database.db, other.tenantId, definition);
  }
  agent = await server.signIn(world, 'agent');
  agentMairie = await server.signIn(world, 'agentMairie');
  supervisor = await server.signIn(world, 'supervisor');
  citizen = await server.signIn(world, 'citizen');
});
afterAll(() => server.close());

async function auditOf(dossierId: string) {
  return server.database.db
    .select({ actor: auditLog.actor, action: auditLog.action, details: auditLog.details })
    .from(auditLog)
    .where(and(eq(auditLog.tenantId, world.tenantId), eq(auditLog.object, `dossier:${dossierId}`)))
    .orderBy(auditLog.at, auditLog.id);
}

describe('the démarches an agent may open (§105)', () => {
  it('lists those whose access.staff names one of the caller’s roles', async () => {
    expect(await agent.trpc.counter.demarches.query()).toEqual([
      { slug: 'au-guichet', title: 'Aide sociale au guichet', applicant: 'person' },
      { slug: 'demande-interne', title: 'Demande interne', applicant: 'self' },
    ]);
    expect(await supervisor.trpc.counter.demarches.query()).toEqual([
      { slug: 'demande-interne', title: 'Demande interne', applicant: 'self' },
    ]);
  });

  it('refuses a démarche not open to staff, or not to the caller’s roles, as an unknown one', async () => {
    const closed = await rejection(
      agent.trpc.counter.start.mutate({ demarche: 'aide-sociale', applicant: { name: 'X' } }),
    );
    expect(closed.domainCode).toBe('NOT_FOUND');
    const notMyRole = await rejection(
      supervisor.trpc.counter.start.mutate({ demarche: 'au-guichet', applicant: { name: 'X' } }),
    );
    expect(notMyRole).toMatchObject({ domainCode: 'NOT_FOUND', message: closed.message });
    const citizenTries = await rejection(
      citizen.trpc.counter.start.mutate({ demarche: 'au-guichet', applicant: { name: 'X' } }),
    );
    expect(citizenTries.code).toBe('FORBIDDEN');
  });
});

describe('a dossier opened at the counter for a person without an account (§105, §106)', () => {
  it('is filled and filed by the agent through the citizens’ rules, then followed with a tracking code', async () => {
    const started = await agent.trpc.counter.start.mutate({
      demarche: 'au-guichet',
      applicant: { name: 'Jeanne Martin' },
    });
    expect(started).toMatchObject({ applicant: 'person', account: false });
    const draft = await agent.trpc.counter.get.query({ id: started.id });
    expect(draft.state.id).toBe('brouillon');

    // The same validation as for a citizen: a wrong type is refused, nothing saved.
    const wrong = await rejection(
      agent.trpc.counter.saveDraft.mutate({
        id: started.id,
        data: { revenuMensuel: 'beaucoup' },
        revision: 0,
      }),
    );
    expect(wrong.domainCode).toBe('INVALID_DATA');
    expect(Object.keys(wrong.fieldErrors ?? {})).toEqual(['revenuMensuel']);
    // An incomplete form cannot be filed.
    await agent.trpc.counter.saveDraft.mutate({
      id: started.id,
      data: { nom: 'Martin' },
      revision: 0,
    });
    const incomplete = await rejection(
      agent.trpc.counter.submit.mutate({
        id: started.id,
        transition: 'deposer',
        revision: 1,
        idempotencyKey: randomUUID(),
      }),
    );
    expect(incomplete.domainCode).toBe('INVALID_DATA');

    const saved = await agent.trpc.counter.saveDraft.mutate({
      id: started.id,
      data: VALID_SOCIAL_AID,
      revision: 1,
    });
    const filed = await agent.trpc.counter.submit.mutate({
      id: started.id,
      transition: 'deposer',
      revision: saved.revision,
      idempotencyKey: randomUUID(),
    });
    expect(filed.state).toBe('depose');
    expect(filed.reference).toMatch(/^AIDE-\d{4}-\d{6}$/);
    expect(filed.trackingCode).toMatch(/^[0-9A-Z-]{20,}$/);
    // A code of its own is also mailed to the address the form gave, as online (§111).
    const { rows: mailJobs } = await server.database.executeSql(
      'select name from pgboss.job where id = $1::uuid',
      [started.id],
    );
    expect(mailJobs).toEqual([{ name: TRACKING_CODE_MAIL_QUEUE }]);

    // Numbered and routed as any dossier: the agent now reads it in their queue's unit.
    const seen = await agent.trpc.dossiers.get.query({ id: started.id });
    expect(seen).toMatchObject({ state: { id: 'depose' }, reference: filed.reference });
    // The person follows it with the code, without an account.
    const visitor = server.client({ ip: '127.0.2.1' });
    const followed = await visitor.trpc.anonymous.follow.mutate({
      tenant: world.slug,
      code: filed.trackingCode!,
    });
    expect(followed.dossierId).toBe(started.id);
    expect((await visitor.trpc.dossiers.get.query({ id: started.id })).reference).toBe(
      filed.reference,
    );

    // Every step audited: the agent acted, on behalf of the person.
    const [applicant] = await server.database.db
      .select({ id: dossiers.applicantId })
      .from(dossiers)
      .where(and(eq(dossiers.tenantId, world.tenantId), eq(dossiers.id, started.id)));
    const onBehalfOf = `user:${applicant!.id}`;
    const steps = (await auditOf(started.id)).filter((row) => row.action.startsWith('counter.'));
    expect(steps).toEqual([
      {
        actor: `user:${world.accounts.agent.id}`,
        action: 'counter.start',
        details: { demarche: 'au-guichet', onBehalfOf, account: false },
      },
      {
        actor: `user:${world.accounts.agent.id}`,
        action: 'counter.save',
        details: { onBehalfOf, fields: ['nom'] },
      },
      {
        actor: `user:${world.accounts.agent.id}`,
        action: 'counter.save',
        details: { onBehalfOf, fields: expect.arrayContaining(['email', 'prenom']) },
      },
      {
        actor: `user:${world.accounts.agent.id}`,
        action: 'counter.submit',
        details: { onBehalfOf, transition: 'deposer', trackingCode: true },
      },
    ]);
    const [person] = await server.database.db
      .select({ name: users.displayName, password: users.passwordHash })
      .from(users)
      .where(and(eq(users.tenantId, world.tenantId), eq(users.id, applicant!.id)));
    expect(person).toEqual({ name: 'Jeanne Martin', password: null });
  });

  it('is the opening agent’s alone while a draft: another agent, or another tenant, gets NOT_FOUND', async () => {
    const { id } = await agent.trpc.counter.start.mutate({
      demarche: 'au-guichet',
      applicant: { name: 'Paul Durand' },
    });
    for (const call of [
      () => agentMairie.trpc.counter.get.query({ id }),
      () => agentMairie.trpc.counter.saveDraft.mutate({ id, data: { nom: 'X' }, revision: 0 }),
      () => agent.trpc.dossiers.saveDraft.mutate({ id, data: { nom: 'X' }, revision: 0 }),
    ]) {
      expect((await rejection(call())).domainCode).toBe('NOT_FOUND');
    }
    const otherAgent = await server.signIn(other, 'agent');
    const crossTenant = await rejection(otherAgent.trpc.counter.get.query({ id }));
    expect(crossTenant.domainCode).toBe('NOT_FOUND');
    // A citizen's own draft is no counter draft: the agent cannot fill it.
    const own = await citizen.trpc.dossiers.create.mutate({ demarche: 'aide-sociale' });
    const notCounter = await rejection(agent.trpc.counter.get.query({ id: own.id }));
    expect(notCounter.domainCode).toBe('NOT_FOUND');
  });
});

describe('a file joined at the counter (§106)', () => {
  it('is uploaded by the opening agent as the person’s, and by nobody else', async () => {
    const { id } = await agent.trpc.counter.start.mutate({
      demarche: 'au-guichet',
      applicant: { name: 'Louise Bernard' },
    });
    const refused = await uploadFile(agentMairie, id, PNG, { name: 'piece.png' });
    expect(refused.status).toBe(404);
    const upload = await uploadFile(agent, id, PNG, { name: 'piece.png' });
    expect(upload.status).toBe(201);
    const { id: fileId } = (await upload.json()) as { id: string };
    const saved = await agent.trpc.counter.saveDraft.mutate({
      id,
      data: { ...VALID_SOCIAL_AID, justificatif: [fileId] },
      revision: 0,
    });
    const filed = await agent.trpc.counter.submit.mutate({
      id,
      transition: 'deposer',
      revision: saved.revision,
      idempotencyKey: randomUUID(),
    });
    expect(filed.state).toBe('depose');
    const seen = await agent.trpc.dossiers.get.query({ id });
    expect(seen.attachments.map((file) => file.id)).toEqual([fileId]);
    const actions = (await auditOf(id)).map((row) => row.action);
    expect(actions).toContain('counter.upload');
  });
});

describe('a dossier opened at the counter for a person with an account', () => {
  it('goes to their account: they see it in « Mes dossiers », no tracking code', async () => {
    const started = await agent.trpc.counter.start.mutate({
      demarche: 'au-guichet',
      applicant: { name: 'Claire', email: world.accounts.citizen.email.toUpperCase() },
    });
    expect(started.account).toBe(true);
    await agent.trpc.counter.saveDraft.mutate({
      id: started.id,
      data: VALID_SOCIAL_AID,
      revision: 0,
    });
    const filed = await agent.trpc.counter.submit.mutate({
      id: started.id,
      transition: 'deposer',
      revision: 1,
      idempotencyKey: randomUUID(),
    });
    expect(filed.trackingCode).toBeNull();
    const mine = await citizen.trpc.dossiers.mine.query();
    expect(JSON.stringify(mine)).toContain(started.id);
  });

  it('refuses a staff member’s address', async () => {
    const refused = await rejection(
      agent.trpc.counter.start.mutate({
        demarche: 'au-guichet',
        applicant: { name: 'Collègue', email: world.accounts.supervisor.email },
      }),
    );
    expect(refused.domainCode).toBe('INVALID_INPUT');
    expect(refused.fieldErrors).toHaveProperty(['applicant.email']);
  });
});

describe('an agent’s own dossier (applicant: self, §107)', () => {
  it('is opened, filled and filed by the agent as its applicant, with the dossier procedures', async () => {
    const started = await supervisor.trpc.counter.start.mutate({ demarche: 'demande-interne' });
    expect(started).toMatchObject({ applicant: 'self' });
    const saved = await supervisor.trpc.dossiers.saveDraft.mutate({
      id: started.id,
      data: VALID_SOCIAL_AID,
      revision: 0,
    });
    const filed = await supervisor.trpc.dossiers.submit.mutate({
      id: started.id,
      transition: 'deposer',
      revision: saved.revision,
      idempotencyKey: randomUUID(),
    });
    expect(filed.state).toBe('depose');
    const steps = (await auditOf(started.id)).filter((row) => row.action === 'counter.start');
    expect(steps).toEqual([
      {
        actor: `user:${world.accounts.supervisor.id}`,
        action: 'counter.start',
        details: {
          demarche: 'demande-interne',
          onBehalfOf: `user:${world.accounts.supervisor.id}`,
        },
      },
    ]);
  });

  it('takes no other applicant, and does not exist for citizens', async () => {
    const withPerson = await rejection(
      agent.trpc.counter.start.mutate({ demarche: 'demande-interne', applicant: { name: 'X' } }),
    );
    expect(withPerson.domainCode).toBe('INVALID_INPUT');
    const fromCitizen = await rejection(
      citizen.trpc.dossiers.create.mutate({ demarche: 'demande-interne' }),
    );
    expect(fromCitizen.domainCode).toBe('NOT_FOUND');
    const catalogue = await citizen.trpc.demarches.listPublished.query({ tenant: world.slug });
    expect(catalogue.map((demarche) => demarche.slug)).not.toContain('demande-interne');
    expect(catalogue.map((demarche) => demarche.slug)).toContain('au-guichet');
  });
});
