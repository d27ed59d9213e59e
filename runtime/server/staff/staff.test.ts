import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, staffInvitations } from '../../db/index.ts';
import { rejection } from '../dossiers/testing/rejection.ts';
import { type DossierServer, startDossierServer } from '../dossiers/testing/startDossierServer.ts';
import { createMailer, type Mailer } from '../effects/index.ts';
import { type SmtpSink, startSmtpSink } from '../effects/testing/startSmtpSink.ts';
import { type SeededTenant, seedTenant } from '../testing/seedTenant.ts';
import type { TestClient } from '../testing/testClient.ts';
import { startWorker } from '../worker/startWorker.ts';
import { sendInvitationMail } from './index.ts';

// Staff administration through the API, and the invitation mail through a real SMTP
// server: the job the invitation wrote is performed by the worker's own handler.

let server: DossierServer;
let tenant: SeededTenant;
let other: SeededTenant;
let admin: TestClient;
let sink: SmtpSink;
let mailer: Mailer;

beforeAll(async () => {
  server = await startDossierServer();
  tenant = await seedTenant(server.database.db);
  other = await seedTenant(server.database.db);
  admin = await server.signIn(tenant, 'admin');
  sink = await startSmtpSink();
  mailer = createMailer({
    host: sink.host,
    port: sink.port,
    from: 'Guichet <ne-pas-repondre@guichet.test>',
  });
});
afterAll(async () => {
  mailer?.close();
  await sink?.close();
  await server?.close();
});

const STRONG = 'Une phrase de passe pour la mairie 2026';

/** Performs the invitation's queued job as the worker would; returns the mailed token. */
async function deliver(invitationId: string): Promise<string> {
  const { rows } = await server.database.executeSql(
    'select data from pgboss.job where name = $1 and id = $2',
    ['staff-invitation', invitationId],
  );
  expect(rows).toHaveLength(1);
  const data = (rows[0] as { data: unknown }).data;
  // Ids only: the token is drawn when the mail goes out, never stored (§40).
  expect(Object.keys(data as object).sort()).toEqual(['invitationId', 'tenantId']);
  const count = sink.messages.length;
  const outcome = await sendInvitationMail(
    {
      db: server.database.db,
      mailer,
      clock: server.clock.now,
      publicOrigin: 'https://guichet.test',
    },
    data,
  );
  expect(outcome).toEqual({ status: 'done' });
  const [mail] = (await sink.waitFor(count + 1)).slice(count);
  const token = /#jeton=([A-Za-z0-9_-]{43})/.exec(mail!.text)?.[1];
  if (!token) throw new Error(`no token in ${mail!.text}`);
  return token;
}

describe('staff', () => {
  it('lists staff with roles and units, never citizens', async () => {
    const { members } = await admin.trpc.staff.list.query({});
    const emails = members.map((member) => member.email);
    expect(emails).toContain(tenant.accounts.agent.email);
    expect(emails).not.toContain(tenant.accounts.citizen.email);
    const agent = members.find((member) => member.id === tenant.accounts.agent.id);
    expect(agent?.access).toEqual([
      { role: 'agent', unit: { id: tenant.unitIds.ccas, code: 'ccas', name: expect.any(String) } },
    ]);
  });

  it('invites by mail; the link works once, with the sign-up password policy', async () => {
    const invited = await admin.trpc.staff.invite.mutate({
      email: 'Lea.Nouvelle@Mairie.example.fr',
      displayName: 'Léa Nouvelle',
      access: [{ role: 'agent', unitId: tenant.unitIds.mairie }],
    });
    expect(invited.email).toBe('lea.nouvelle@mairie.example.fr');
    const token = await deliver(invited.id);
    expect(sink.messages.at(-1)?.recipients).toEqual(['lea.nouvelle@mairie.example.fr']);
    const [stored] = await server.database.db
      .select({ tokenHash: staffInvitations.tokenHash })
      .from(staffInvitations)
      .where(eq(staffInvitations.id, invited.id));
    expect(stored?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(token);

    const anybody = server.client();
    const weak = await rejection(
      anybody.trpc.staff.acceptInvitation.mutate({ token, password: 'azerty123456' }),
    );
    expect(weak.domainCode).toBe('WEAK_PASSWORD');
    expect(await anybody.trpc.staff.acceptInvitation.mutate({ token, password: STRONG })).toEqual({
      tenant: tenant.slug,
      email: 'lea.nouvelle@mairie.example.fr',
    });
    const again = await rejection(
      anybody.trpc.staff.acceptInvitation.mutate({ token, password: STRONG }),
    );
    expect(again).toMatchObject({ code: 'BAD_REQUEST', domainCode: 'INVITATION_INVALID' });

    const lea = server.client({ ip: '127.0.0.250' });
    await lea.trpc.auth.login.mutate({
      tenant: tenant.slug,
      email: invited.email,
      password: STRONG,
    });
    expect(await lea.trpc.auth.me.query()).toMatchObject({ kind: 'staff' });
    const { members } = await admin.trpc.staff.list.query({});
    expect(members.find((member) => member.email === invited.email)?.access).toEqual([
      { role: 'agent', unit: expect.objectContaining({ code: 'mairie' }) },
    ]);
  });

  it('refuses an expired link, a replaced one and a made-up one with one answer', async () => {
    const first = await admin.trpc.staff.invite.mutate({
      email: 'remplace@example.fr',
      displayName: 'Remplacé',
      access: [{ role: 'agent', unitId: null }],
    });
    const replacedToken = await deliver(first.id);
    const second = await admin.trpc.staff.invite.mutate({
      email: 'remplace@example.fr',
      displayName: 'Remplacé',
      access: [{ role: 'agent', unitId: null }],
    });
    const expiringToken = await deliver(second.id);
    const anybody = server.client();
    const replaced = await rejection(
      anybody.trpc.staff.acceptInvitation.mutate({ token: replacedToken, password: STRONG }),
    );
    server.clock.advance(8 * 24 * 60 * 60 * 1000);
    const expired = await rejection(
      anybody.trpc.staff.acceptInvitation.mutate({ token: expiringToken, password: STRONG }),
    );
    const madeUp = await rejection(
      anybody.trpc.staff.acceptInvitation.mutate({ token: 'A'.repeat(43), password: STRONG }),
    );
    expect(replaced.domainCode).toBe('INVITATION_INVALID');
    expect(expired).toEqual(replaced);
    expect(madeUp).toEqual(replaced);
    // Eight days on, the admin's own session has ended too.
    admin = await server.signIn(tenant, 'admin');
  });

  it('cancels a pending invitation: its link stops working at once, audited', async () => {
    const invited = await admin.trpc.staff.invite.mutate({
      email: 'annulee@example.fr',
      displayName: 'Annulée',
      access: [{ role: 'agent', unitId: null }],
    });
    const token = await deliver(invited.id);
    expect(await admin.trpc.staff.cancelInvitation.mutate({ invitationId: invited.id })).toEqual({
      invitationId: invited.id,
      cancelled: true,
    });
    const anybody = server.client({ ip: '127.0.0.251' });
    const refused = await rejection(
      anybody.trpc.staff.acceptInvitation.mutate({ token, password: STRONG }),
    );
    expect(refused.domainCode).toBe('INVITATION_INVALID');
    const { invitations } = await admin.trpc.staff.list.query({});
    expect(invitations.map((invitation) => invitation.id)).not.toContain(invited.id);
    const audit = await server.database.db
      .select({ action: auditLog.action, details: auditLog.details })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.tenantId, tenant.tenantId),
          eq(auditLog.object, `invitation:${invited.id}`),
        ),
      );
    expect(audit.map((row) => row.action)).toContain('staff.invitation_cancelled');
    // A second click changes nothing; the queued mail is never sent for a cancelled one.
    expect(
      await admin.trpc.staff.cancelInvitation.mutate({ invitationId: invited.id }),
    ).toMatchObject({ cancelled: false });
    const queued = await admin.trpc.staff.invite.mutate({
      email: 'jamais-envoyee@example.fr',
      displayName: 'Jamais envoyée',
      access: [{ role: 'agent', unitId: null }],
    });
    await admin.trpc.staff.cancelInvitation.mutate({ invitationId: queued.id });
    const { rows } = await server.database.executeSql(
      'select data from pgboss.job where name = $1 and id = $2',
      ['staff-invitation', queued.id],
    );
    const outcome = await sendInvitationMail(
      { db: server.database.db, mailer, clock: server.clock.now, publicOrigin: null },
      (rows[0] as { data: unknown }).data,
    );
    expect(outcome).toEqual({ status: 'skipped', reason: 'NOT_PENDING' });
  });

  it('refuses to cancel an accepted invitation or another tenant’s', async () => {
    const invited = await admin.trpc.staff.invite.mutate({
      email: 'acceptee@example.fr',
      displayName: 'Acceptée',
      access: [{ role: 'agent', unitId: null }],
    });
    const token = await deliver(invited.id);
    await server
      .client({ ip: '127.0.0.252' })
      .trpc.staff.acceptInvitation.mutate({ token, password: STRONG });
    const accepted = await rejection(
      admin.trpc.staff.cancelInvitation.mutate({ invitationId: invited.id }),
    );
    expect(accepted).toMatchObject({ code: 'CONFLICT', domainCode: 'INVITATION_ACCEPTED' });
    const otherAdmin = await server.signIn(other, 'admin');
    const foreign = await rejection(
      otherAdmin.trpc.staff.cancelInvitation.mutate({ invitationId: invited.id }),
    );
    expect(foreign.code).toBe('NOT_FOUND');
  });

  it('refuses to invite an address that already has an account, or with another tenant’s unit', async () => {
    const taken = await rejection(
      admin.trpc.staff.invite.mutate({
        email: tenant.accounts.citizen.email,
        displayName: 'Déjà là',
        access: [{ role: 'agent', unitId: null }],
      }),
    );
    expect(taken).toMatchObject({ code: 'CONFLICT', domainCode: 'EMAIL_TAKEN' });
    const foreign = await rejection(
      admin.trpc.staff.invite.mutate({
        email: 'x@example.fr',
        displayName: 'X',
        access: [{ role: 'agent', unitId: other.unitIds.ccas }],
      }),
    );
    expect(foreign.code).toBe('NOT_FOUND');
  });

  it('changes roles and units, and keeps the last admin', async () => {
    const changed = await admin.trpc.staff.setAccess.mutate({
      userId: tenant.accounts.supervisor.id,
      access: [
        { role: 'supervisor', unitId: tenant.unitIds.ccas },
        { role: 'agent', unitId: tenant.unitIds.mairie },
      ],
    });
    expect(changed.access).toHaveLength(2);
    const supervisor = await server.signIn(tenant, 'supervisor');
    expect(await supervisor.trpc.auth.me.query()).toMatchObject({ kind: 'staff' });
    const lastAdmin = await rejection(
      admin.trpc.staff.setAccess.mutate({
        userId: tenant.accounts.admin.id,
        access: [{ role: 'agent', unitId: null }],
      }),
    );
    expect(lastAdmin).toMatchObject({ code: 'CONFLICT', domainCode: 'LAST_ADMIN' });
    const citizen = await rejection(
      admin.trpc.staff.setAccess.mutate({
        userId: tenant.accounts.citizen.id,
        access: [{ role: 'admin', unitId: null }],
      }),
    );
    expect(citizen.code).toBe('NOT_FOUND');
  });

  it('disables a member (their sessions end at once) and re-enables them', async () => {
    const agent = await server.signIn(tenant, 'agentMairie');
    expect(await agent.trpc.tasks.mine.query({})).toBeDefined();
    const disabled = await admin.trpc.staff.disable.mutate({
      userId: tenant.accounts.agentMairie.id,
    });
    expect(disabled.revokedSessions).toBeGreaterThanOrEqual(1);
    expect((await rejection(agent.trpc.tasks.mine.query({}))).code).toBe('UNAUTHORIZED');
    const relogin = await rejection(server.signIn(tenant, 'agentMairie'));
    expect(relogin.code).toBe('UNAUTHORIZED');

    await admin.trpc.staff.enable.mutate({ userId: tenant.accounts.agentMairie.id });
    const back = await server.signIn(tenant, 'agentMairie');
    expect(await back.trpc.tasks.mine.query({})).toBeDefined();

    const self = await rejection(
      admin.trpc.staff.disable.mutate({ userId: tenant.accounts.admin.id }),
    );
    expect(self.domainCode).toBe('LAST_ADMIN');
    const audit = await server.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.tenantId, tenant.tenantId),
          eq(auditLog.object, `user:${tenant.accounts.agentMairie.id}`),
        ),
      );
    const staffActions = audit
      .map((row) => row.action)
      .filter((action) => action.startsWith('staff.'));
    expect(staffActions).toEqual(['staff.disabled', 'staff.enabled']);
  });
});

describe('the worker', () => {
  it('mails a new invitation by itself when it has SMTP, and the link works', async () => {
    const invited = await admin.trpc.staff.invite.mutate({
      email: 'par-le-worker@example.fr',
      displayName: 'Paul Worker',
      access: [{ role: 'supervisor', unitId: tenant.unitIds.ccas }],
    });
    // The owner's connection: the worker sets up its queues at start (DDL).
    const worker = await startWorker({
      database: server.ownerDatabase,
      config: {
        ...server.deps.config,
        smtp: { host: sink.host, port: sink.port, from: 'g@guichet.test' },
      },
      clock: server.clock.now,
      pollingIntervalSeconds: 0.5,
      log: () => {},
    });
    try {
      const deadline = Date.now() + 30_000;
      let mail = sink.messages.find((message) => message.recipients.includes(invited.email));
      while (!mail && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        mail = sink.messages.find((message) => message.recipients.includes(invited.email));
      }
      const token = /#jeton=([A-Za-z0-9_-]{43})/.exec(mail?.text ?? '')?.[1];
      expect(token).toBeDefined();
      expect(mail?.subject).toBe(`Invitation à rejoindre Commune ${tenant.slug}`);
      const accepted = await server
        .client()
        .trpc.staff.acceptInvitation.mutate({ token: token!, password: STRONG });
      expect(accepted.email).toBe(invited.email);
    } finally {
      await worker.stop();
    }
  }, 60_000);
});
