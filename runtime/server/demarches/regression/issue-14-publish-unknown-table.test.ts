import { expect, it } from 'vitest';
import { referenceTables } from '../../../db/schema/referenceTables.ts';
import { describeOnEachDriver } from '../../../db/testing/describeOnEachDriver.ts';
import { seedTenant } from '../../testing/seedTenant.ts';
import { publishDemarche } from '../publishDemarche.ts';
import {
  adminOfNewTenant,
  expectErr,
  expectOk,
  savedSocialAidVariant,
} from '../testing/demarcheFixtures.ts';

// Issue 14 item 4: a `table` data source must name a reference table the tenant has
// imported, or the citizen would have nothing to choose from.
describeOnEachDriver('issue 14: publish refuses a reference table the tenant lacks', (database) => {
  it('names the source, in French, then publishes once the table is imported', async () => {
    const { world, ctx } = await adminOfNewTenant(database().db);
    const id = await savedSocialAidVariant(ctx, (d) => {
      d.dataSources = [{ id: 'communes', kind: 'table', table: 'communes' }];
      (d.form.schema as { properties: Record<string, unknown> }).properties['commune'] = {
        type: 'string',
        title: 'Commune',
        'x-source': 'communes',
      };
    });

    const refused = expectErr(await publishDemarche(ctx, { id, revision: 1 }));
    expect(refused.code).toBe('INVALID_DEFINITION');
    expect(refused.details?.['diagnostics']).toContainEqual({
      rule: 'unknown-reference-table',
      severity: 'error',
      pointer: '/dataSources/0/table',
      message: expect.stringContaining('« communes »'),
    });

    // Another tenant's table does not count; the tenant's own does.
    const other = await seedTenant(database().db);
    const table = {
      code: 'communes',
      label: 'Communes',
      rowCount: 0,
      importedAt: new Date(),
    };
    await database()
      .db.insert(referenceTables)
      .values({ ...table, tenantId: other.tenantId, importedBy: other.accounts.admin.id });
    expectErr(await publishDemarche(ctx, { id, revision: 1 }));
    await database()
      .db.insert(referenceTables)
      .values({ ...table, tenantId: world.tenantId, importedBy: world.accounts.admin.id });
    expect(expectOk(await publishDemarche(ctx, { id, revision: 1 })).version).toBe(1);
  });
});
