import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog } from '../../db/index.ts';
import { useDossierApi } from '../dossiers/testing/dossierApi.ts';
import { rejection } from '../dossiers/testing/rejection.ts';
import { seedTenant } from '../testing/seedTenant.ts';

// The agents' own layer on a dossier through the API: private comments, who handles
// it (under the dossier's revision) and their « suivis ».

const api = useDossierApi();

async function auditActions(dossierId: string): Promise<string[]> {
  const rows = await api()
    .server.database.db.select({ action: auditLog.action })
    .from(auditLog)
    .where(
      and(eq(auditLog.tenantId, api().world.tenantId), eq(auditLog.object, `dossier:${dossierId}`)),
    );
  return rows.map((row) => row.action);
}

describe('private comments', () => {
  it('are written and read by staff who see the dossier, never by its applicant', async () => {
    const { agent, citizen, server, world } = api();
    const dossier = await api().submittedDossier();
    const added = await agent.trpc.dossiers.comments.add.mutate({
      dossierId: dossier.id,
      body: '  Revenus à recouper avec la CAF.  ',
    });
    expect(added).toMatchObject({ body: 'Revenus à recouper avec la CAF.', mine: true });
    const supervisor = await server.signIn(world, 'supervisor');
    const seen = await supervisor.trpc.dossiers.comments.list.query({ dossierId: dossier.id });
    expect(seen).toEqual([
      expect.objectContaining({ id: added.id, authorName: 'Antoine Agent', mine: false }),
    ]);
    // The revision does not move: a note must not make a colleague's form stale.
    expect((await api().storedRow(dossier.id)).revision).toBe(dossier.revision);

    expect(
      (await rejection(citizen.trpc.dossiers.comments.list.query({ dossierId: dossier.id }))).code,
    ).toBe('FORBIDDEN');
    const mairie = await server.signIn(world, 'agentMairie');
    const blind = await rejection(
      mairie.trpc.dossiers.comments.list.query({ dossierId: dossier.id }),
    );
    expect(blind.code).toBe('NOT_FOUND');

    const staffHistory = await agent.trpc.dossiers.history.query({ id: dossier.id });
    expect(staffHistory.map((entry) => entry.type)).toContain('comment_added');
    const applicantHistory = await citizen.trpc.dossiers.history.query({ id: dossier.id });
    expect(applicantHistory.map((entry) => entry.type)).not.toContain('comment_added');
    expect(JSON.stringify(applicantHistory)).not.toContain(added.id);
    expect(await auditActions(dossier.id)).toContain('dossier.comment_added');
  });

  it('refuses an empty comment', async () => {
    const dossier = await api().submittedDossier();
    const refused = await rejection(
      api().agent.trpc.dossiers.comments.add.mutate({ dossierId: dossier.id, body: '   ' }),
    );
    expect(refused).toMatchObject({ code: 'BAD_REQUEST', domainCode: 'INVALID_INPUT' });
  });
});

describe('who handles a dossier', () => {
  it('claims, assigns to a colleague or a unit, releases; each a staff-only event, audited', async () => {
    const { agent, citizen, server, world } = api();
    const dossier = await api().submittedDossier();
    const claimed = await agent.trpc.dossiers.claim.mutate({
      dossierId: dossier.id,
      revision: dossier.revision,
    });
    expect(claimed).toMatchObject({
      assigneeId: world.accounts.agent.id,
      revision: dossier.revision + 1,
    });
    const supervisor = await server.signIn(world, 'supervisor');
    const toColleague = await supervisor.trpc.dossiers.assign.mutate({
      dossierId: dossier.id,
      revision: claimed.revision,
      to: { kind: 'agent', userId: world.accounts.supervisor.id },
    });
    expect(toColleague.assigneeId).toBe(world.accounts.supervisor.id);
    const toUnit = await supervisor.trpc.dossiers.assign.mutate({
      dossierId: dossier.id,
      revision: toColleague.revision,
      to: { kind: 'unit', unitId: world.unitIds['ccas-familles'] },
    });
    expect(toUnit).toMatchObject({ unitCode: 'ccas-familles', assigneeId: null });
    const reclaimed = await agent.trpc.dossiers.claim.mutate({
      dossierId: dossier.id,
      revision: toUnit.revision,
    });
    const released = await agent.trpc.dossiers.release.mutate({
      dossierId: dossier.id,
      revision: reclaimed.revision,
    });
    expect(released.assigneeId).toBeNull();

    const history = await agent.trpc.dossiers.history.query({ id: dossier.id });
    const assignments = history.filter((entry) => entry.type === 'assignment_changed');
    expect(assignments.map((entry) => entry.details['mode'])).toEqual([
      'claim',
      'assign',
      'assign',
      'claim',
      'release',
    ]);
    expect(assignments[2]?.changes).toEqual({
      assigneeId: { before: world.accounts.supervisor.id, after: null },
      unit: { before: expect.any(String), after: 'ccas-familles' },
    });
    const applicantHistory = await citizen.trpc.dossiers.history.query({ id: dossier.id });
    expect(applicantHistory.some((entry) => entry.type === 'assignment_changed')).toBe(false);
    expect(
      (await auditActions(dossier.id)).filter((a) => a === 'dossier.assignment_changed'),
    ).toHaveLength(5);
  });

  it('refuses a colleague who may not handle the dossier, a citizen, another tenant’s unit', async () => {
    const { agent, world, server } = api();
    const dossier = await api().submittedDossier();
    for (const userId of [world.accounts.agentMairie.id, world.accounts.citizen.id]) {
      const refused = await rejection(
        agent.trpc.dossiers.assign.mutate({
          dossierId: dossier.id,
          revision: dossier.revision,
          to: { kind: 'agent', userId },
        }),
      );
      expect(refused).toMatchObject({ code: 'BAD_REQUEST', domainCode: 'INVALID_ASSIGNEE' });
    }
    const other = await seedTenant(server.database.db);
    const foreignUnit = await rejection(
      agent.trpc.dossiers.assign.mutate({
        dossierId: dossier.id,
        revision: dossier.revision,
        to: { kind: 'unit', unitId: other.unitIds.ccas },
      }),
    );
    expect(foreignUnit.domainCode).toBe('INVALID_ASSIGNEE');
    expect((await api().storedRow(dossier.id)).revision).toBe(dossier.revision);
  });

  it('lets only the assignee, a supervisor or an admin release', async () => {
    const { server, world } = api();
    const dossier = await api().submittedDossier();
    const supervisor = await server.signIn(world, 'supervisor');
    const claimed = await supervisor.trpc.dossiers.claim.mutate({
      dossierId: dossier.id,
      revision: dossier.revision,
    });
    const refused = await rejection(
      api().agent.trpc.dossiers.release.mutate({
        dossierId: dossier.id,
        revision: claimed.revision,
      }),
    );
    expect(refused).toMatchObject({ code: 'FORBIDDEN', domainCode: 'NOT_ALLOWED' });
    expect(refused.message).toContain('libérer');
  });

  it('two agents claiming at once: one wins, the other is told why in French, nothing lost', async () => {
    const { agent, server, world } = api();
    const dossier = await api().submittedDossier();
    const supervisor = await server.signIn(world, 'supervisor');
    const outcomes = await Promise.allSettled([
      agent.trpc.dossiers.claim.mutate({ dossierId: dossier.id, revision: dossier.revision }),
      supervisor.trpc.dossiers.claim.mutate({ dossierId: dossier.id, revision: dossier.revision }),
    ]);
    const won = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    expect(won).toHaveLength(1);
    const lost = outcomes.find((outcome) => outcome.status === 'rejected');
    const refused = await rejection(Promise.reject(lost!.reason));
    expect(refused).toMatchObject({ code: 'CONFLICT', domainCode: 'STALE_REVISION' });
    expect(refused.message).toContain('modifié entre-temps');
    expect(refused.details?.['lastChange']).toMatchObject({ type: 'assignment_changed' });
    const row = await api().storedRow(dossier.id);
    expect(row.revision).toBe(dossier.revision + 1);
    expect(row.assigneeId).toBe(
      (won[0] as PromiseFulfilledResult<{ assigneeId: string }>).value.assigneeId,
    );
  });
});

describe('suivis', () => {
  it('follows and unfollows, listed per agent, only while they may read the dossier', async () => {
    const { agent, server, world } = api();
    const dossier = await api().submittedDossier();
    expect(await agent.trpc.dossiers.follow.mutate({ dossierId: dossier.id })).toEqual({
      dossierId: dossier.id,
      following: true,
    });
    await agent.trpc.dossiers.follow.mutate({ dossierId: dossier.id });
    const { items } = await agent.trpc.dossiers.followed.query({});
    expect(items.filter((item) => item.dossierId === dossier.id)).toEqual([
      expect.objectContaining({
        reference: dossier.reference,
        state: { id: 'depose', label: expect.any(String) },
      }),
    ]);
    const supervisor = await server.signIn(world, 'supervisor');
    expect((await supervisor.trpc.dossiers.followed.query({})).items).toEqual([]);

    // Routed away from the agent's units: it drops out of their list.
    await supervisor.trpc.dossiers.assign.mutate({
      dossierId: dossier.id,
      revision: dossier.revision,
      to: { kind: 'unit', unitId: world.unitIds.mairie },
    });
    const after = await agent.trpc.dossiers.followed.query({});
    expect(after.items.some((item) => item.dossierId === dossier.id)).toBe(false);

    const second = await api().submittedDossier();
    await agent.trpc.dossiers.follow.mutate({ dossierId: second.id });
    await agent.trpc.dossiers.unfollow.mutate({ dossierId: second.id });
    expect((await agent.trpc.dossiers.followed.query({})).items).toEqual([]);
    const history = await agent.trpc.dossiers.history.query({ id: second.id });
    expect(history.map((entry) => entry.type).filter((type) => type.endsWith('followed'))).toEqual([
      'followed',
      'unfollowed',
    ]);
  });
});
