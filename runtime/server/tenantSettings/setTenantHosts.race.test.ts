import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../../db/testing/index.ts';
import { atOnce } from '../testing/atOnce.ts';
import { type SeededTenant, seedTenant } from '../testing/seedTenant.ts';
import { startTestServer, type TestServer } from '../testing/startTestServer.ts';
import type { TestClient } from '../testing/testClient.ts';

// One host, one tenant, even when two claims arrive at the same moment: both pass the
// check for a host already taken, and the unique key `tenant_hosts_host_key` lets one
// in. The other used to come back as a 500; it is a CONFLICT naming the host, with
// nothing of its list written. On PostgreSQL the claims are held just before their first
// write until both have passed that check, so the key decides; PGlite is one connection
// and runs them one after the other, so the check decides — the same answers either way.

for (const driver of testDrivers()) {
  describe(`tenant.setHosts claimed at the same moment [${driver}]`, () => {
    let server: TestServer;
    let a: SeededTenant;
    let b: SeededTenant;
    let ips = 0;

    async function signIn(tenant: SeededTenant): Promise<TestClient> {
      ips += 1;
      const client = server.client({ ip: `127.0.2.${ips}` });
      const { email, password } = tenant.accounts.admin;
      await client.trpc.auth.login.mutate({ tenant: tenant.slug, email, password });
      return client;
    }

    /** Hosts as stored, read as the owner: what a refused claim must not have touched. */
    async function storedHosts(tenant: SeededTenant): Promise<string[]> {
      const { rows } = await server.ownerDatabase.executeSql(
        'select host from tenant_hosts where tenant_id = $1 order by host',
        [tenant.tenantId],
      );
      return (rows as { host: string }[]).map((row) => row.host);
    }

    /** The audit entries of address changes of a tenant, oldest first. */
    async function hostChanges(tenant: SeededTenant): Promise<Record<string, unknown>[]> {
      const { rows } = await server.ownerDatabase.executeSql(
        `select details from audit_log
          where tenant_id = $1 and action = 'tenant.hosts_changed' order by id`,
        [tenant.tenantId],
      );
      return (rows as { details: Record<string, unknown> }[]).map((row) => row.details);
    }

    beforeAll(async () => {
      server = await startTestServer({ driver });
      a = await seedTenant(server.database.db);
      b = await seedTenant(server.database.db);
    });
    afterAll(() => server?.close());

    it('two collectivités claim one host: one gets it, the other a CONFLICT naming it, nothing of its list written', async () => {
      const [adminA, adminB] = [await signIn(a), await signIn(b)];
      await adminB.trpc.tenant.setHosts.mutate({ hosts: ['ancienne-b.guichet.test'] });
      const claims = {
        a: ['disputee.guichet.test', 'seule-a.guichet.test'],
        b: ['disputee.guichet.test', 'seule-b.guichet.test'],
      };
      const before = { a: await hostChanges(a), b: await hostChanges(b) };

      const [forA, forB] = await atOnce(server, { driver, lock: ['tenant_hosts'] }, [
        () => adminA.trpc.tenant.setHosts.mutate({ hosts: claims.a }),
        () => adminB.trpc.tenant.setHosts.mutate({ hosts: claims.b }),
      ]);

      const outcomes = [forA!, forB!];
      expect(outcomes.map((outcome) => outcome.kind).sort()).toEqual(['answered', 'refused']);
      const [winner, loser] =
        outcomes[0]!.kind === 'answered' ? (['a', 'b'] as const) : (['b', 'a'] as const);
      const refused = outcomes.find((outcome) => outcome.kind === 'refused')!;
      expect(refused).toMatchObject({
        kind: 'refused',
        rejection: {
          code: 'CONFLICT',
          httpStatus: 409,
          message: 'L’adresse disputee.guichet.test est déjà celle d’une autre collectivité.',
          fieldErrors: {
            hosts: ['L’adresse disputee.guichet.test est déjà celle d’une autre collectivité.'],
          },
        },
      });

      const tenantOf = { a, b };
      const previous = { a: [], b: ['ancienne-b.guichet.test'] };
      expect(await storedHosts(tenantOf[winner])).toEqual(claims[winner]);
      expect(await storedHosts(tenantOf[loser])).toEqual(previous[loser]);
      // The winner's change is audited once; the refused one left no entry.
      expect(await hostChanges(tenantOf[winner])).toEqual([
        ...before[winner],
        { before: previous[winner], after: claims[winner] },
      ]);
      expect(await hostChanges(tenantOf[loser])).toEqual(before[loser]);
    });

    it('one collectivité saves from two tabs at once: the saves take turns, the last list stands whole', async () => {
      const [tab1, tab2] = [await signIn(a), await signIn(a)];
      const start = await storedHosts(a);
      const claims = [
        ['onglet.guichet.test', 'premier.guichet.test'],
        ['onglet.guichet.test', 'second.guichet.test'],
      ];
      const before = await hostChanges(a);

      const settled = await atOnce(server, { driver, lock: ['tenant_hosts'] }, [
        () => tab1.trpc.tenant.setHosts.mutate({ hosts: claims[0]! }),
        () => tab2.trpc.tenant.setHosts.mutate({ hosts: claims[1]! }),
      ]);

      expect(settled.map((one) => one.kind)).toEqual(['answered', 'answered']);
      // Whichever went first, the second replaced its list: audited in that order.
      const changes = (await hostChanges(a)).slice(before.length);
      expect(changes).toHaveLength(2);
      const [first, second] = changes as { before: string[]; after: string[] }[];
      expect(first!.before).toEqual(start);
      expect(claims).toContainEqual(first!.after);
      expect(second!.before).toEqual(first!.after);
      expect(claims).toContainEqual(second!.after);
      expect(second!.after).not.toEqual(first!.after);
      expect(await storedHosts(a)).toEqual(second!.after);
    });
  });
}
