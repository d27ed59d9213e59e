import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { units } from '../../../db/schema/tenants.ts';
import { describeOnEachDriver } from '../../../db/testing/describeOnEachDriver.ts';
import { listVersions } from '../listVersions.ts';
import { publishDemarche } from '../publishDemarche.ts';
import {
  adminOfNewTenant,
  expectErr,
  expectOk,
  savedSocialAidVariant,
} from '../testing/demarcheFixtures.ts';

// Issue 17: an archived unit still counted as a unit at publish, so a démarche could send
// its dossiers to a service nobody runs any more. Publish now refuses it, like an unknown
// code (docs/SECURITY.md §116), at every place a definition names a unit.
describeOnEachDriver('issue 17: publish refuses archived units', (database) => {
  it('names every place that names the archived unit, and publishes nothing', async () => {
    const { world, ctx } = await adminOfNewTenant(database().db);
    await database()
      .db.update(units)
      .set({ archivedAt: new Date() })
      .where(and(eq(units.tenantId, world.tenantId), eq(units.code, 'mairie')));
    const id = await savedSocialAidVariant(ctx, (d) => {
      d.meta.ownerUnit = 'mairie';
      d.routing[0]!.unit = 'mairie';
      d.workflow.states[1]!.owner = { role: 'agent', unit: 'mairie' };
      d.workflow.transitions[2]!.effects = [{ type: 'assign', unit: 'mairie' }];
    });

    const refused = expectErr(await publishDemarche(ctx, { id, revision: 1 }));

    expect(refused.code).toBe('INVALID_DEFINITION');
    const archived = ((refused.details?.['diagnostics'] ?? []) as { rule: string }[]).filter(
      (d) => d.rule === 'archived-unit',
    );
    expect(archived).toEqual([
      {
        rule: 'archived-unit',
        severity: 'error',
        pointer: '/meta/ownerUnit',
        message: expect.stringContaining('« mairie » est archivé'),
      },
      expect.objectContaining({ pointer: '/routing/0/unit' }),
      expect.objectContaining({ pointer: '/workflow/states/1/owner/unit' }),
      expect.objectContaining({ pointer: '/workflow/transitions/2/effects/0/unit' }),
    ]);
    expect(expectOk(await listVersions(ctx, id))).toEqual([]);

    // Brought back into service, the same draft publishes.
    await database()
      .db.update(units)
      .set({ archivedAt: null })
      .where(and(eq(units.tenantId, world.tenantId), eq(units.code, 'mairie')));
    expect(expectOk(await publishDemarche(ctx, { id, revision: 1 }))).toMatchObject({
      version: 1,
    });
  });
});
