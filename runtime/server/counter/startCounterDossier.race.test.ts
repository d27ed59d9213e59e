import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, counterDossiers, dossiers, users } from '../../db/index.ts';
import { testDrivers } from '../../db/testing/index.ts';
import { definitionWithFiles } from '../attachments/testing/attachmentFixtures.ts';
import { insertPublishedDemarche } from '../demo/index.ts';
import { type DossierServer, startDossierServer } from '../dossiers/testing/startDossierServer.ts';
import { atOnce } from '../testing/atOnce.ts';
import { type SeededTenant, seedTenant } from '../testing/seedTenant.ts';

// A counter dossier goes to the account of the address given, or to a new account made
// for it when there is none. Two requests naming one new address at the same moment (two
// counters, or a counter and the person signing up online) both found no account, and
// the second insert broke `users_tenant_email_key`: a 500, nothing opened. Now the one
// that finds the address taken meanwhile answers as if it had come second: the account
// now there is the applicant. On PostgreSQL both requests are held past their look-up
// until both wait to write (`atOnce`); PGlite runs them one after the other.

const atCounter = structuredClone(definitionWithFiles);
atCounter.meta.slug = 'au-guichet';
atCounter.meta.title = 'Aide sociale au guichet';
atCounter.access = { staff: { roles: ['agent'], applicant: 'person' } };

for (const driver of testDrivers()) {
  describe(`counter.start for one new address at the same moment [${driver}]`, () => {
    let server: DossierServer;
    let world: SeededTenant;

    beforeAll(async () => {
      server = await startDossierServer({ driver });
      world = await seedTenant(server.database.db);
      await insertPublishedDemarche(server.database.db, world.tenantId, atCounter);
    });
    afterAll(() => server?.close());

    /** The accounts of an address in the world's tenant, read as the owner. */
    function accountsOf(email: string) {
      return server.ownerDatabase.db
        .select({ id: users.id, kind: users.kind, hasPassword: users.passwordHash })
        .from(users)
        .where(and(eq(users.tenantId, world.tenantId), eq(users.email, email)));
    }

    /** Who a counter dossier is for, and who opened it, read as the owner. */
    async function counterDossier(id: string) {
      const [row] = await server.ownerDatabase.db
        .select({ applicantId: dossiers.applicantId, agentId: counterDossiers.agentId })
        .from(dossiers)
        .innerJoin(
          counterDossiers,
          and(
            eq(counterDossiers.tenantId, dossiers.tenantId),
            eq(counterDossiers.dossierId, dossiers.id),
          ),
        )
        .where(and(eq(dossiers.tenantId, world.tenantId), eq(dossiers.id, id)));
      return row;
    }

    async function counterStarts(dossierId: string) {
      return server.ownerDatabase.db
        .select({ actor: auditLog.actor, details: auditLog.details })
        .from(auditLog)
        .where(
          and(
            eq(auditLog.tenantId, world.tenantId),
            eq(auditLog.action, 'counter.start'),
            eq(auditLog.object, `dossier:${dossierId}`),
          ),
        );
    }

    it('two counters open a dossier for one new person: both open, on one account made for the address', async () => {
      const [agent, agentMairie] = [
        await server.signIn(world, 'agent'),
        await server.signIn(world, 'agentMairie'),
      ];
      const email = `jeanne.martin.${driver}@exemple.fr`;
      const start = (client: typeof agent) => () =>
        client.trpc.counter.start.mutate({
          demarche: 'au-guichet',
          applicant: { name: 'Jeanne Martin', email },
        });

      const settled = await atOnce(server, { driver, lock: ['users'] }, [
        start(agent),
        start(agentMairie),
      ]);

      expect(settled).toEqual([
        {
          kind: 'answered',
          value: { id: expect.any(String), applicant: 'person', account: false },
        },
        {
          kind: 'answered',
          value: { id: expect.any(String), applicant: 'person', account: false },
        },
      ]);
      const [first, second] = settled.map((one) => (one as { value: { id: string } }).value.id) as [
        string,
        string,
      ];
      expect(first).not.toBe(second);
      const accounts = await accountsOf(email);
      expect(accounts).toEqual([{ id: expect.any(String), kind: 'citizen', hasPassword: null }]);
      const applicantId = accounts[0]!.id;
      expect(await counterDossier(first)).toEqual({
        applicantId,
        agentId: world.accounts.agent.id,
      });
      expect(await counterDossier(second)).toEqual({
        applicantId,
        agentId: world.accounts.agentMairie.id,
      });
      for (const id of [first, second]) {
        expect(await counterStarts(id)).toEqual([
          {
            actor: expect.any(String),
            details: {
              demarche: 'au-guichet',
              onBehalfOf: `user:${applicantId}`,
              account: false,
            },
          },
        ]);
      }
    });

    it('a counter opens a dossier while the person signs up online: both answered, one account, the dossier on it', async () => {
      const agent = await server.signIn(world, 'agent');
      const visitor = server.client({ ip: '127.0.3.1' });
      const email = `paul.durand.${driver}@exemple.fr`;

      const [atTheCounter, online] = await atOnce(server, { driver, lock: ['users'] }, [
        () =>
          agent.trpc.counter.start.mutate({
            demarche: 'au-guichet',
            applicant: { name: 'Paul Durand', email },
          }),
        () =>
          visitor.trpc.auth.signup.mutate({
            tenant: world.slug,
            email,
            password: 'une phrase de passe bien longue pour Paul',
            displayName: 'Paul Durand',
          }),
      ]);

      expect(online).toMatchObject({ kind: 'answered' });
      expect(atTheCounter).toMatchObject({ kind: 'answered', value: { applicant: 'person' } });
      const started = (atTheCounter as { value: { id: string; account: boolean } }).value;
      const accounts = await accountsOf(email);
      expect(accounts).toHaveLength(1);
      // Whoever came first made the account: with a password (the sign-up), the dossier
      // went to an account; without (the counter), to the person without one.
      expect(started.account).toBe(accounts[0]!.hasPassword !== null);
      expect(await counterDossier(started.id)).toEqual({
        applicantId: accounts[0]!.id,
        agentId: world.accounts.agent.id,
      });
    });
  });
}
