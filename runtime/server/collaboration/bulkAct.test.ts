import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog } from '../../db/index.ts';
import { useDossierApi } from '../dossiers/testing/dossierApi.ts';
import { rejection } from '../dossiers/testing/rejection.ts';

// One action on many dossiers of a queue (docs/SECURITY.md §72), and the colleagues a
// dossier may be assigned to (§45).

const api = useDossierApi();

describe('dossiers.bulk', () => {
  it('acts on each dossier in its own transaction and reports each refusal with its reason', async () => {
    const { agent, server, world } = api();
    const fresh = await Promise.all([1, 2, 3].map(() => api().submittedDossier()));
    const stale = await api().submittedDossier();
    // A colleague moves `stale` on after the agent's queue was read.
    const supervisor = await server.signIn(world, 'supervisor');
    await supervisor.trpc.dossiers.claim.mutate({ dossierId: stale.id, revision: stale.revision });
    const items = [...fresh, stale].map((dossier) => ({
      dossierId: dossier.id,
      revision: dossier.revision,
    }));
    const report = await agent.trpc.dossiers.bulk.mutate({
      items,
      action: { kind: 'transition', transition: 'prendre_en_charge' },
    });
    expect(report).toMatchObject({ done: 3, refused: 1 });
    expect(report.outcomes.slice(0, 3)).toEqual(
      fresh.map((dossier) => ({ ok: true, revision: dossier.revision + 1 })),
    );
    expect(report.outcomes[3]).toMatchObject({ ok: false, code: 'STALE_REVISION' });
    expect((report.outcomes[3] as { message: string }).message).toMatch(/modifié/i);
    for (const dossier of fresh) {
      expect((await api().storedRow(dossier.id)).state).toBe('en_instruction');
    }
    expect((await api().storedRow(stale.id)).state).toBe('depose');

    // The same request again does nothing twice: every revision has moved on.
    const again = await agent.trpc.dossiers.bulk.mutate({
      items,
      action: { kind: 'transition', transition: 'prendre_en_charge' },
    });
    expect(again).toMatchObject({ done: 0, refused: 4 });
    for (const dossier of fresh) {
      const row = await api().storedRow(dossier.id);
      expect(row).toMatchObject({ state: 'en_instruction', revision: dossier.revision + 1 });
    }
  });

  it('reports a guard’s refusal in the definition’s words, and a missing input, per dossier', async () => {
    const { agent } = api();
    const dossier = await api().submittedDossier();
    const taken = await agent.trpc.dossiers.act.mutate({
      id: dossier.id,
      transition: 'prendre_en_charge',
      revision: dossier.revision,
    });
    // `refuser` needs a reason: sent without one, it is refused like `act` would.
    const report = await agent.trpc.dossiers.bulk.mutate({
      items: [{ dossierId: dossier.id, revision: taken.revision }],
      action: { kind: 'transition', transition: 'refuser' },
    });
    expect(report.outcomes[0]).toMatchObject({ ok: false });
    const direct = await rejection(
      agent.trpc.dossiers.act.mutate({
        id: dossier.id,
        transition: 'refuser',
        revision: taken.revision,
      }),
    );
    expect(report.outcomes[0]).toMatchObject({ code: direct.domainCode, message: direct.message });
  });

  it('assigns, claims and releases in bulk, each traced like a single change', async () => {
    const { agent, server, world } = api();
    const dossiers = await Promise.all([1, 2].map(() => api().submittedDossier()));
    const supervisor = await server.signIn(world, 'supervisor');
    const assigned = await supervisor.trpc.dossiers.bulk.mutate({
      items: dossiers.map((dossier) => ({ dossierId: dossier.id, revision: dossier.revision })),
      action: { kind: 'assign', to: { kind: 'agent', userId: world.accounts.agent.id } },
    });
    expect(assigned).toMatchObject({ done: 2, refused: 0 });
    for (const dossier of dossiers) {
      expect((await api().storedRow(dossier.id)).assigneeId).toBe(world.accounts.agent.id);
      const history = await agent.trpc.dossiers.history.query({ id: dossier.id });
      expect(history.map((entry) => entry.type)).toContain('assignment_changed');
    }
    const released = await agent.trpc.dossiers.bulk.mutate({
      items: dossiers.map((dossier, index) => ({
        dossierId: dossier.id,
        revision: (assigned.outcomes[index] as { revision: number }).revision,
      })),
      action: { kind: 'release' },
    });
    expect(released).toMatchObject({ done: 2, refused: 0 });
    const rows = await api()
      .server.database.db.select({ action: auditLog.action })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.tenantId, world.tenantId),
          eq(auditLog.object, `dossier:${dossiers[0]!.id}`),
        ),
      );
    expect(rows.filter((row) => row.action === 'dossier.assignment_changed')).toHaveLength(2);
  });

  it('answers a dossier the caller may not see exactly as one that exists nowhere', async () => {
    const { server, world } = api();
    const dossier = await api().submittedDossier();
    const mairie = await server.signIn(world, 'agentMairie');
    const report = await mairie.trpc.dossiers.bulk.mutate({
      items: [
        { dossierId: dossier.id, revision: dossier.revision },
        { dossierId: randomUUID(), revision: dossier.revision },
      ],
      action: { kind: 'claim' },
    });
    expect(report.outcomes[0]).toEqual(report.outcomes[1]);
    expect(report.outcomes[0]).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect((await api().storedRow(dossier.id)).assigneeId).toBeNull();
  });

  it('refuses more than 500 dossiers, a dossier twice, and citizens', async () => {
    const { agent, citizen } = api();
    const dossier = await api().submittedDossier();
    const item = { dossierId: dossier.id, revision: dossier.revision };
    const twice = await rejection(
      agent.trpc.dossiers.bulk.mutate({ items: [item, item], action: { kind: 'claim' } }),
    );
    expect(twice.code).toBe('BAD_REQUEST');
    const many = Array.from({ length: 501 }, () => ({ dossierId: randomUUID(), revision: 1 }));
    const tooMany = await rejection(
      agent.trpc.dossiers.bulk.mutate({ items: many, action: { kind: 'claim' } }),
    );
    expect(tooMany.code).toBe('BAD_REQUEST');
    const citizenCall = await rejection(
      citizen.trpc.dossiers.bulk.mutate({ items: [item], action: { kind: 'claim' } }),
    );
    expect(citizenCall.code).toBe('FORBIDDEN');
    expect((await api().storedRow(dossier.id)).assigneeId).toBeNull();
  });
});

describe('dossiers.assignees', () => {
  it('lists the enabled staff who would see the dossier, by name, never another unit’s agent', async () => {
    const { agent, citizen, world } = api();
    const dossier = await api().submittedDossier();
    const unit = (await api().storedRow(dossier.id)).unitCode;
    expect(unit).toBe('ccas');
    const { items } = await agent.trpc.dossiers.assignees.query({ dossierId: dossier.id });
    const ids = items.map((item) => item.userId);
    expect(ids).toEqual(
      expect.arrayContaining([
        world.accounts.admin.id,
        world.accounts.agent.id,
        world.accounts.supervisor.id,
      ]),
    );
    expect(ids).not.toContain(world.accounts.agentMairie.id);
    expect(ids).not.toContain(world.accounts.citizen.id);
    expect(items.find((item) => item.me)?.userId).toBe(world.accounts.agent.id);
    const refused = await rejection(
      citizen.trpc.dossiers.assignees.query({ dossierId: dossier.id }),
    );
    expect(refused.code).toBe('FORBIDDEN');
  });
});
