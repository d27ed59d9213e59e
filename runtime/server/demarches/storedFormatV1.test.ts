import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import type { DemarcheDefinition } from '../../../shared/definition/index.ts';
import { socialAidDefinition } from '../../../shared/testing/socialAidDefinition.ts';
import { demarcheVersions } from '../../db/index.ts';
import { describeOnEachDriver } from '../../db/testing/index.ts';
import {
  actOnDossier,
  createDossier,
  saveDraft as saveDossierDraft,
  submitDossier,
} from '../dossiers/index.ts';
import { contextOf, VALID_SOCIAL_AID } from '../dossiers/testing/dossierTestKit.ts';
import { enqueueEffects, ensureJobSchema } from '../effects/index.ts';
import { seedTenant } from '../testing/seedTenant.ts';
import { getDemarche } from './getDemarche.ts';
import { saveDraft } from './saveDraft.ts';
import { expectOk, staffContext } from './testing/demarcheFixtures.ts';

/** The social-aid démarche exactly as a Guichet of format 1 stored it: no layout. */
function socialAidInFormat1(): Record<string, unknown> {
  const { layout: _layout, ...workflow } = structuredClone(socialAidDefinition.workflow);
  return { ...structuredClone(socialAidDefinition), version: 1, workflow };
}

describeOnEachDriver(
  'definitions stored in format 1, after the upgrade to format 2',
  (database) => {
    beforeAll(async () => {
      await ensureJobSchema(database());
    });

    it('runs a version published in format 1: a dossier is created, submitted and acted on', async () => {
      const stored = socialAidInFormat1();
      // seedTenant inserts the document as is, as the old publish did.
      const world = await seedTenant(database().db, {
        definition: stored as unknown as DemarcheDefinition,
      });
      const citizen = contextOf(database().db, world, 'citizen');
      const agent = contextOf(database().db, world, 'agent');

      const created = expectOk(await createDossier(citizen, { demarche: 'aide-sociale' }));
      expect(created).toMatchObject({ state: { id: 'brouillon' }, demarche: { version: 1 } });
      const id = created.id;
      expectOk(await saveDossierDraft(citizen, { id, data: VALID_SOCIAL_AID, revision: 0 }));
      const submit = { id, transition: 'deposer', revision: 1, idempotencyKey: randomUUID() };
      const submitted = expectOk(await submitDossier(citizen, submit, enqueueEffects));
      expect(submitted).toMatchObject({ state: 'depose', reference: 'AIDE-2026-000001' });

      const take = { id, transition: 'prendre_en_charge', revision: 2 };
      expectOk(await actOnDossier(agent, take, enqueueEffects));
      const accept = { id, transition: 'accepter', revision: 3 };
      const accepted = expectOk(await actOnDossier(agent, accept, enqueueEffects));
      expect(accepted).toMatchObject({ state: 'accepte', stateLabel: 'Accepté' });

      // The published version is immutable: read in format 2, stored in format 1 still.
      const [row] = await database()
        .db.select({ definition: demarcheVersions.definition })
        .from(demarcheVersions)
        .where(eq(demarcheVersions.demarcheId, world.demarche.id));
      expect(row?.definition).toEqual(stored);
    });

    it('saves a draft sent in format 1 in format 2, and reads it back so', async () => {
      const world = await seedTenant(database().db);
      const admin = staffContext(database().db, {
        tenantId: world.tenantId,
        userId: world.accounts.admin.id,
      });
      const { id } = world.demarche;
      const saved = expectOk(
        await saveDraft(admin, { id, revision: 0, draft: socialAidInFormat1() }),
      );
      expect(saved).toMatchObject({ problems: [], publishable: true });
      const { draft } = expectOk(await getDemarche(admin, id));
      expect(draft).toEqual({
        ...socialAidDefinition,
        version: 2,
        workflow: { ...socialAidDefinition.workflow, layout: { positions: {} } },
      });
    });

    it('stores a draft whose version it cannot read as it was sent, to lose no work', async () => {
      const world = await seedTenant(database().db);
      const admin = staffContext(database().db, {
        tenantId: world.tenantId,
        userId: world.accounts.admin.id,
      });
      const newer = { ...socialAidDefinition, version: 9 };
      const saved = expectOk(
        await saveDraft(admin, { id: world.demarche.id, revision: 0, draft: newer }),
      );
      expect(saved.problems.map((problem) => problem.code)).toEqual(['UNSUPPORTED_VERSION']);
      expect(expectOk(await getDemarche(admin, world.demarche.id)).draft).toEqual(newer);
    });
  },
);
