import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { savedViews } from '../../db/schema/index.ts';
import { testDrivers } from '../../db/testing/index.ts';
import { atOnce } from '../testing/atOnce.ts';
import { twoAdminsRace } from '../testing/twoAdminsRace.ts';
import { MAX_SAVED_VIEWS } from './savedViews.ts';

// An agent keeps at most MAX_SAVED_VIEWS views. Two tabs saving the last one allowed at
// the same moment each counted one fewer and both inserted: one over the limit. An
// agent's saves now take turns. On PostgreSQL both are held past their count until both
// wait (`atOnce`); PGlite runs them one after the other.

for (const driver of testDrivers()) {
  describe(`queues.views.save of the last view allowed, from two tabs at once [${driver}]`, () => {
    const race = twoAdminsRace(driver);

    it('one is saved, the other refused with the limit, and the limit holds', async () => {
      const [tab1, tab2] = await race.adminTabs();
      const { server, tenant } = race;
      const userId = tenant.accounts.admin.id;
      const mine = and(eq(savedViews.tenantId, tenant.tenantId), eq(savedViews.userId, userId));
      await server.ownerDatabase.db.insert(savedViews).values(
        Array.from({ length: MAX_SAVED_VIEWS - 1 }, (_, i) => ({
          tenantId: tenant.tenantId,
          userId,
          name: `Vue ${i + 1}`,
          search: `?page=${i + 1}`,
          createdAt: new Date(),
        })),
      );
      const save = (client: typeof tab1, name: string) => () =>
        client.trpc.queues.views.save.mutate({ name, search: '?seulement=mine' });

      const settled = await atOnce(server, { driver, lock: ['saved_views'] }, [
        save(tab1, 'Urgents (onglet 1)'),
        save(tab2, 'Urgents (onglet 2)'),
      ]);

      expect(settled.map((one) => one.kind).sort()).toEqual(['answered', 'refused']);
      const refused = settled.find((one) => one.kind === 'refused');
      expect(refused).toMatchObject({
        rejection: {
          domainCode: 'INVALID_INPUT',
          message: `Vous avez déjà ${MAX_SAVED_VIEWS} vues enregistrées : supprimez-en une d’abord.`,
        },
      });
      const stored = await server.ownerDatabase.db.select().from(savedViews).where(mine);
      expect(stored).toHaveLength(MAX_SAVED_VIEWS);
    });
  });
}
