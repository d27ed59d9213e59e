import { expect, it } from 'vitest';
import type { TestCase } from '../../../shared/definition/index.ts';
import { validData } from '../../../shared/engine/testing/fixtures.ts';
import { describeOnEachDriver } from '../../db/testing/describeOnEachDriver.ts';
import { seedTenant } from '../testing/seedTenant.ts';
import { createDemarche } from './createDemarche.ts';
import { listVersions } from './listVersions.ts';
import { publishDemarche } from './publishDemarche.ts';
import { saveDraft } from './saveDraft.ts';
import {
  expectErr,
  expectOk,
  socialAidAs,
  staffContext,
  uniqueSlug,
} from './testing/demarcheFixtures.ts';
import { validateDraft } from './validateDraft.ts';

// The admin's saved test cases run on the server: a failing one is an error on the
// draft (the studio shows it) and blocks publishing; passing ones let it through.
const accepted: TestCase = {
  id: 'accord',
  name: 'Un foyer modeste est aidé',
  data: validData,
  steps: [
    { transition: 'deposer', actor: 'applicant', expect: { state: 'depose', effects: ['notify'] } },
    { transition: 'prendre_en_charge', actor: 'agent', expect: { state: 'en_instruction' } },
    { transition: 'accepter', actor: 'agent', expect: { state: 'accepte' } },
  ],
};

describeOnEachDriver('démarches: test cases before publish', (database) => {
  it('refuses to publish while a test case fails, at its failing step, then publishes', async () => {
    const world = await seedTenant(database().db);
    const ctx = staffContext(database().db, {
      tenantId: world.tenantId,
      userId: world.accounts.admin.id,
    });
    const slug = uniqueSlug('aide-testee');
    const { id } = expectOk(await createDemarche(ctx, { slug, title: 'Aide testée' }));

    // Above the income ceiling, the « accepter » guard refuses the third step.
    const failing = socialAidAs(slug, (d) => {
      d.tests = [{ ...accepted, data: { ...validData, revenuMensuel: 3000 } }];
    });
    const saved = expectOk(await saveDraft(ctx, { id, revision: 0, draft: failing }));
    const expected = {
      rule: 'failing-test-case',
      severity: 'error',
      pointer: '/tests/0/steps/2',
      message:
        'Le test « Un foyer modeste est aidé » échoue à l’étape 3 : l’action « accepter » a été refusée (GUARD_FAILED).',
    };
    expect(saved).toMatchObject({ publishable: false, diagnostics: [expected] });
    expect(expectOk(await validateDraft(ctx, id)).diagnostics).toEqual([expected]);
    const refused = expectErr(await publishDemarche(ctx, { id, revision: 1 }));
    expect(refused.code).toBe('INVALID_DEFINITION');
    expect(refused.details?.['diagnostics']).toEqual([expected]);
    expect(expectOk(await listVersions(ctx, id))).toEqual([]);

    expectOk(
      await saveDraft(ctx, {
        id,
        revision: 1,
        draft: socialAidAs(slug, (d) => {
          d.tests = [accepted];
        }),
      }),
    );
    expect(expectOk(await publishDemarche(ctx, { id, revision: 2 }))).toMatchObject({ version: 1 });
  });
});
