import { randomBytes } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, staffInvitations, users } from '../../db/index.ts';
import { testDrivers } from '../../db/testing/index.ts';
import { atOnce, waitingBackends } from '../testing/atOnce.ts';
import { twoAdminsRace } from '../testing/twoAdminsRace.ts';
import { invitationTokenHash } from './invitationJob.ts';

// A newer invitation to an address revokes the older ones, so only the last link works
// (docs/SECURITY.md §40). Two invitations of one address at the same moment (two admins,
// two tabs) each revoked what was there before either and both stayed live: two links
// that both made the account. They now take turns, the second revoking the first, as
// one after the other. An acceptance takes its turn with them too: an invitation sent as
// the link was accepted found no account yet and stayed live beside the new one. On
// PostgreSQL both are held past their look-ups until both wait (`atOnce`); PGlite runs
// them one after the other.

for (const driver of testDrivers()) {
  describe(`staff.invite of one address at the same moment [${driver}]`, () => {
    const race = twoAdminsRace(driver);

    it('two tabs invite one person: both answered, the later invitation alone stays live', async () => {
      const [tab1, tab2] = await race.adminTabs();
      const { server, tenant } = race;
      const email = `lea.${driver}@mairie.example.fr`;
      const invite = (client: typeof tab1, displayName: string) => () =>
        client.trpc.staff.invite.mutate({
          email,
          displayName,
          access: [{ role: 'agent', unitId: null }],
        });

      const settled = await atOnce(server, { driver, lock: ['staff_invitations'] }, [
        invite(tab1, 'Léa (onglet 1)'),
        invite(tab2, 'Léa (onglet 2)'),
      ]);

      expect(settled.map((one) => one.kind)).toEqual(['answered', 'answered']);
      const ids = settled.map((one) => (one as { value: { id: string } }).value.id);
      const stored = await server.ownerDatabase.db
        .select({ id: staffInvitations.id, revokedAt: staffInvitations.revokedAt })
        .from(staffInvitations)
        .where(
          and(eq(staffInvitations.tenantId, tenant.tenantId), eq(staffInvitations.email, email)),
        );
      expect(stored.map((row) => row.id).sort()).toEqual([...ids].sort());
      const live = stored.filter((row) => row.revokedAt === null);
      expect(live).toHaveLength(1);
      // The one audited last is the one left live: the later revoked the earlier.
      const audited = await server.ownerDatabase.db
        .select({ object: auditLog.object })
        .from(auditLog)
        .where(and(eq(auditLog.tenantId, tenant.tenantId), eq(auditLog.action, 'staff.invited')))
        .orderBy(asc(auditLog.id));
      expect(audited.map((row) => row.object)).toHaveLength(2);
      expect(audited.map((row) => row.object).sort()).toEqual(
        ids.map((id) => `invitation:${id}`).sort(),
      );
      expect(audited.at(-1)!.object).toBe(`invitation:${live[0]!.id}`);
    });

    it('the invitee accepts as the admin invites again: never an account beside a live link', async () => {
      const [tab1] = await race.adminTabs();
      const { server, tenant } = race;
      const email = `hugo.${driver}@mairie.example.fr`;
      const invite = () =>
        tab1.trpc.staff.invite.mutate({
          email,
          displayName: 'Hugo',
          access: [{ role: 'agent', unitId: null }],
        });
      const first = await invite();
      // The mailed token, set here instead of drawn by the worker (staff.test.ts mails it).
      const token = randomBytes(32).toString('base64url');
      await server.ownerDatabase.db
        .update(staffInvitations)
        .set({ tokenHash: invitationTokenHash(token) })
        .where(eq(staffInvitations.id, first.id));
      const accept = () =>
        server.client().trpc.staff.acceptInvitation.mutate({
          token,
          password: 'Une phrase de passe pour la mairie 2026',
        });
      // The acceptance goes first, held at its account's insert; the new invitation comes
      // while it waits, as an admin clicking « Renvoyer » at that moment.
      const inviteOnceAcceptWaits = async () => {
        if (driver === 'postgres') {
          await expect.poll(() => waitingBackends(server), { timeout: 20_000 }).toBe(1);
        }
        return invite();
      };

      const [accepted, invitedAgain] = await atOnce(server, { driver, lock: ['users'] }, [
        accept,
        inviteOnceAcceptWaits,
      ]);

      const live = await server.ownerDatabase.db
        .select({ id: staffInvitations.id })
        .from(staffInvitations)
        .where(
          and(
            eq(staffInvitations.tenantId, tenant.tenantId),
            eq(staffInvitations.email, email),
            isNull(staffInvitations.acceptedAt),
            isNull(staffInvitations.revokedAt),
          ),
        );
      const account = await server.ownerDatabase.db
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.tenantId, tenant.tenantId), eq(users.email, email)));
      if (accepted!.kind === 'answered') {
        expect(account).toHaveLength(1);
        expect(invitedAgain).toMatchObject({
          kind: 'refused',
          rejection: { domainCode: 'EMAIL_TAKEN' },
        });
        expect(live).toEqual([]);
      } else {
        // PGlite may run the new invitation first: it revokes the link being accepted.
        expect(driver).toBe('pglite');
        expect(accepted).toMatchObject({ rejection: { domainCode: 'INVITATION_INVALID' } });
        expect(account).toEqual([]);
        expect(live).toHaveLength(1);
      }
    });
  });
}
