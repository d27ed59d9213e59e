import { expect, it } from 'vitest';
import { units } from '../../../db/schema/tenants.ts';
import { describeOnEachDriver } from '../../../db/testing/describeOnEachDriver.ts';
import { seedTenant } from '../../testing/seedTenant.ts';
import { listVersions } from '../listVersions.ts';
import { publishDemarche } from '../publishDemarche.ts';
import {
  adminOfNewTenant,
  expectErr,
  expectOk,
  savedSocialAidVariant,
} from '../testing/demarcheFixtures.ts';

// Issue 14: a routing rule naming a unit the tenant does not have published fine, and
// its dossiers stayed unrouted — visible to every agent. Publish now checks each code.
describeOnEachDriver(
  'issue 14: publish refuses unit codes the tenant has no unit for',
  (database) => {
    it('names every offending place, in French, and publishes nothing', async () => {
      const { ctx } = await adminOfNewTenant(database().db);
      const id = await savedSocialAidVariant(ctx, (d) => {
        d.routing[0]!.unit = 'ccas-famille';
        d.workflow.states[1]!.owner = { role: 'agent', unit: 'instruction' };
        d.workflow.transitions[2]!.effects = [{ type: 'assign', unit: 'ccas-famille' }];
      });

      const refused = expectErr(await publishDemarche(ctx, { id, revision: 1 }));

      expect(refused.code).toBe('INVALID_DEFINITION');
      const unknown = ((refused.details?.['diagnostics'] ?? []) as { rule: string }[]).filter(
        (d) => d.rule === 'unknown-unit',
      );
      expect(unknown).toEqual([
        {
          rule: 'unknown-unit',
          severity: 'error',
          pointer: '/routing/0/unit',
          message: expect.stringContaining('n’a le code « ccas-famille »'),
        },
        expect.objectContaining({ pointer: '/workflow/states/1/owner/unit' }),
        expect.objectContaining({ pointer: '/workflow/transitions/2/effects/0/unit' }),
      ]);
      expect(expectOk(await listVersions(ctx, id))).toEqual([]);
    });

    it('does not accept a unit of another tenant', async () => {
      const { ctx } = await adminOfNewTenant(database().db);
      const other = await seedTenant(database().db);
      await database()
        .db.insert(units)
        .values({ tenantId: other.tenantId, code: 'guichet-unique', name: 'Guichet unique' });
      const id = await savedSocialAidVariant(ctx, (d) => {
        d.routing[1]!.unit = 'guichet-unique';
      });

      const refused = expectErr(await publishDemarche(ctx, { id, revision: 1 }));

      expect(refused.details?.['diagnostics']).toContainEqual(
        expect.objectContaining({ rule: 'unknown-unit', pointer: '/routing/1/unit' }),
      );
    });

    it('publishes once every named unit exists', async () => {
      const { ctx } = await adminOfNewTenant(database().db);
      const id = await savedSocialAidVariant(ctx, (d) => {
        d.meta.ownerUnit = 'ccas';
        d.workflow.transitions[2]!.effects = [{ type: 'assign', unit: 'mairie' }];
      });

      expect(expectOk(await publishDemarche(ctx, { id, revision: 1 }))).toMatchObject({
        version: 1,
      });
    });
  },
);
