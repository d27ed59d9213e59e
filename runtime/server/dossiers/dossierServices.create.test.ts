import { beforeAll, describe, expect, it } from 'vitest';
import { socialAidDefinition } from '../../../shared/testing/socialAidDefinition.ts';
import { demarcheVersions } from '../../db/index.ts';
import { describeOnEachDriver } from '../../db/testing/index.ts';
import { seedTenant } from '../testing/seedTenant.ts';
import { createDossier } from './createDossier.ts';
import { getDossier } from './getDossier.ts';
import { saveDraft } from './saveDraft.ts';
import { dossierServiceKit } from './testing/dossierServiceKit.ts';
import { contextOf, countFor, expectErr, expectOk } from './testing/dossierTestKit.ts';

describeOnEachDriver('dossier services: create and autosave', (database) => {
  const kit = dossierServiceKit(database);
  const { as, draftWith, row } = kit;
  beforeAll(kit.seed);

  describe('create and autosave', () => {
    it('opens a draft on the latest published version, in the initial state', async () => {
      const view = expectOk(await createDossier(as('citizen'), { demarche: 'aide-sociale' }));
      expect(view).toMatchObject({
        reference: null,
        state: { id: 'brouillon', label: 'Brouillon', kind: 'draft' },
        revision: 0,
        data: {},
        isApplicant: true,
        editableFields: '*',
        demarche: { slug: 'aide-sociale', version: 1 },
      });
      expect(view.allowedActions.map((a) => a.transition)).toEqual(['deposer']);
      expect(view.allowedActions[0]?.blockedBy?.length).toBeGreaterThan(0);
      expect(await countFor(database(), 'dossier_events', view.id, "type = 'created'")).toBe(1);
    });

    it('starts new dossiers on the latest version, and keeps old ones on theirs', async () => {
      const other = await seedTenant(database().db);
      const ctx = contextOf(database().db, other, 'citizen');
      const onV1 = expectOk(await createDossier(ctx, { demarche: 'aide-sociale' }));
      const v2 = structuredClone(socialAidDefinition);
      v2.workflow.states[0]!.label = 'Brouillon (v2)';
      await database()
        .db.insert(demarcheVersions)
        .values({
          tenantId: other.tenantId,
          demarcheId: other.demarche.id,
          version: 2,
          definition: { ...v2 },
        });
      const onV2 = expectOk(await createDossier(ctx, { demarche: 'aide-sociale' }));
      expect(onV2).toMatchObject({ demarche: { version: 2 }, state: { label: 'Brouillon (v2)' } });
      const reread = expectOk(await getDossier(ctx, { id: onV1.id }));
      expect(reread).toMatchObject({ demarche: { version: 1 }, state: { label: 'Brouillon' } });
    });

    it('refuses an unknown démarche', async () => {
      const error = expectErr(await createDossier(as('citizen'), { demarche: 'inconnue' }));
      expect(error.code).toBe('NOT_FOUND');
    });

    it('saves partial data, records before/after of changed fields, skips unchanged saves', async () => {
      const id = await draftWith({ nom: 'Martin' });
      const saved = expectOk(
        await saveDraft(as('citizen'), {
          id,
          data: { nom: 'Martin-Durand', prenom: 'Claire' },
          revision: 1,
        }),
      );
      expect(saved).toEqual({ id, revision: 2, savedFields: ['nom', 'prenom'] });
      const again = expectOk(
        await saveDraft(as('citizen'), {
          id,
          data: { prenom: 'Claire', nom: 'Martin-Durand' },
          revision: 2,
        }),
      );
      expect(again.revision).toBe(2);
      const { rows } = await database().executeSql(
        `select payload from dossier_events where dossier_id = $1 and type = 'data_saved' order by seq`,
        [id],
      );
      expect((rows.at(-1) as { payload: unknown }).payload).toEqual({
        revision: 2,
        changes: {
          nom: { before: 'Martin', after: 'Martin-Durand' },
          prenom: { before: null, after: 'Claire' },
        },
      });
    });

    it('refuses a stale revision and overwrites nothing', async () => {
      const id = await draftWith({ nom: 'Martin' });
      const error = expectErr(
        await saveDraft(as('citizen'), { id, data: { nom: 'Autre' }, revision: 0 }),
      );
      expect(error.code).toBe('STALE_REVISION');
      expect(error.details).toMatchObject({
        currentRevision: 1,
        lastChange: { type: 'data_saved' },
      });
      expect((await row(id)).data).toEqual({ nom: 'Martin' });
    });

    it('checks only types while drafting, and refuses unknown fields', async () => {
      const id = await draftWith({ nom: 'Martin' });
      const wrong = expectErr(
        await saveDraft(as('citizen'), {
          id,
          data: { nom: 'Martin', revenuMensuel: 'beaucoup', inconnu: 1 },
          revision: 1,
        }),
      );
      expect(wrong.code).toBe('INVALID_DATA');
      expect(wrong.fieldErrors).toEqual({
        revenuMensuel: ['Ce champ doit être un nombre.'],
        inconnu: ['Ce champ n’est pas attendu.'],
      });
      // Incomplete and too short for the final form, but of the right types: saved.
      expectOk(
        await saveDraft(as('citizen'), { id, data: { nom: '', revenuMensuel: -5 }, revision: 1 }),
      );
    });

    it('refuses data over 1 MB, writing nothing', async () => {
      const id = await draftWith({ nom: 'Martin' });
      const data = { nom: 'x'.repeat(1024 * 1024 + 1) };
      const error = expectErr(await saveDraft(as('citizen'), { id, data, revision: 1 }));
      expect(error.code).toBe('PAYLOAD_TOO_LARGE');
      expect(error.message).toContain('1 Mo');
      expect(await row(id)).toMatchObject({ revision: 1, data: { nom: 'Martin' } });
    });

    it('refuses data nested past 32 levels before walking it', async () => {
      const id = await draftWith({ nom: 'Martin' });
      let deep: unknown = 'fond';
      for (let level = 0; level < 100_000; level += 1) deep = [deep];
      const error = expectErr(
        await saveDraft(as('citizen'), { id, data: { conjoint: deep }, revision: 1 }),
      );
      expect(error.code).toBe('INVALID_DATA');
      expect((await row(id)).revision).toBe(1);
    });

    it('hides drafts from staff and other citizens, and lets nobody else save them', async () => {
      const id = await draftWith({ nom: 'Martin' });
      for (const who of ['agent', 'admin', 'otherCitizen'] as const) {
        expect(expectErr(await getDossier(as(who), { id })).code).toBe('NOT_FOUND');
      }
      const error = expectErr(await saveDraft(as('otherCitizen'), { id, data: {}, revision: 1 }));
      expect(error.code).toBe('NOT_FOUND');
    });
  });
});
