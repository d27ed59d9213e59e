import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { auditLog, demarcheVersions, dossiers } from '../../db/schema/index.ts';
import { describeOnEachDriver } from '../../db/testing/describeOnEachDriver.ts';
import { createDossier, saveDraft as saveDossierDraft } from '../dossiers/index.ts';
import { contextOf, VALID_SOCIAL_AID } from '../dossiers/testing/dossierTestKit.ts';
import { seedTenant } from '../testing/seedTenant.ts';
import { createDemarche } from './createDemarche.ts';
import { deleteDraft } from './deleteDraft.ts';
import { getDemarche } from './getDemarche.ts';
import { getVersion } from './getVersion.ts';
import { listDemarches } from './listDemarches.ts';
import { listVersions } from './listVersions.ts';
import { publishDemarche } from './publishDemarche.ts';
import { saveDraft } from './saveDraft.ts';
import { expectErr, expectOk, socialAidAs, staffContext } from './testing/demarcheFixtures.ts';

describeOnEachDriver('démarches: deleting a draft', (database) => {
  const now = new Date('2026-03-02T10:00:00Z');

  async function adminOfNewTenant() {
    const world = await seedTenant(database().db);
    const admin = { tenantId: world.tenantId, userId: world.accounts.admin.id, now };
    return { world, ctx: staffContext(database().db, admin) };
  }

  async function auditsOf(tenantId: string, id: string) {
    return database()
      .db.select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.object, `demarche:${id}`)));
  }

  it('deletes a never-published démarche entirely and frees its slug', async () => {
    const { ctx, world } = await adminOfNewTenant();
    const slug = 'carte-resident';
    const { id } = expectOk(await createDemarche(ctx, { slug, title: 'Carte de résident' }));
    expectOk(await saveDraft(ctx, { id, revision: 0, draft: socialAidAs(slug) }));

    // A tab still on revision 0 has not seen the save: refused, nothing deleted.
    const stale = expectErr(await deleteDraft(ctx, { id, revision: 0 }));
    expect(stale).toMatchObject({ code: 'STALE_REVISION', details: { currentRevision: 1 } });
    expect(stale.message).toContain('modifié entre-temps');
    expect(expectOk(await getDemarche(ctx, id)).draft).toEqual(socialAidAs(slug));

    expect(expectOk(await deleteDraft(ctx, { id, revision: 1 }))).toEqual({ deleted: 'demarche' });
    const gone = expectErr(await getDemarche(ctx, id));
    expect(gone).toEqual(expectErr(await getDemarche(ctx, randomUUID())));
    expect(gone.code).toBe('NOT_FOUND');
    expect(expectErr(await deleteDraft(ctx, { id, revision: 1 })).code).toBe('NOT_FOUND');
    expect(
      expectErr(await saveDraft(ctx, { id, revision: 1, draft: socialAidAs(slug) })).code,
    ).toBe('NOT_FOUND');
    expect((await listDemarches(ctx)).map((d) => d.id)).not.toContain(id);

    const again = expectOk(await createDemarche(ctx, { slug, title: 'Carte de résident' }));
    expect(again.id).not.toBe(id);
    expect(again).toMatchObject({ slug, draftRevision: 0, versions: [] });

    const audits = await auditsOf(world.tenantId, id);
    expect(audits.map((a) => a.action).sort()).toEqual(['demarche.create', 'demarche.delete']);
    expect(audits.find((a) => a.action === 'demarche.delete')).toMatchObject({
      actor: `user:${world.accounts.admin.id}`,
      requestId: ctx.requestId,
      at: now,
      details: { slug, title: 'Carte de résident', revision: 1 },
    });
  });

  it('puts a published démarche’s draft back to its latest version, versions and dossiers untouched', async () => {
    const { ctx, world } = await adminOfNewTenant();
    const { id, slug } = world.demarche;
    const citizen = contextOf(database().db, world, 'citizen');
    const dossier = expectOk(await createDossier(citizen, { demarche: slug }));
    expectOk(
      await saveDossierDraft(citizen, { id: dossier.id, data: VALID_SOCIAL_AID, revision: 0 }),
    );

    // Version 2 is published, then the draft moves on without being published.
    const v2 = socialAidAs(slug, (d) => {
      d.workflow.states[1]!.label = 'Déposée';
    });
    expectOk(await saveDraft(ctx, { id, revision: 0, draft: v2 }));
    expectOk(await publishDemarche(ctx, { id, revision: 1 }));
    const edited = socialAidAs(slug, (d) => {
      d.meta.title = 'Brouillon jamais publié';
    });
    expectOk(await saveDraft(ctx, { id, revision: 1, draft: edited }));
    expect((await listDemarches(ctx)).find((d) => d.id === id)?.draftStatus).toBe('modified');

    const versionsOf = () =>
      database()
        .db.select()
        .from(demarcheVersions)
        .where(eq(demarcheVersions.demarcheId, id))
        .orderBy(demarcheVersions.version);
    const dossierRow = () =>
      database().db.select().from(dossiers).where(eq(dossiers.id, dossier.id));
    const versionsBefore = await versionsOf();
    const dossierBefore = await dossierRow();
    expect(versionsBefore.map((v) => v.version)).toEqual([1, 2]);

    const stale = expectErr(await deleteDraft(ctx, { id, revision: 1 }));
    expect(stale).toMatchObject({ code: 'STALE_REVISION', details: { currentRevision: 2 } });
    expect(expectOk(await getDemarche(ctx, id))).toMatchObject({ draft: edited, draftRevision: 2 });

    const latest = expectOk(await getVersion(ctx, { id, version: 2 })).definition;
    expect(expectOk(await deleteDraft(ctx, { id, revision: 2 }))).toEqual({
      deleted: 'draft',
      version: 2,
      draft: latest,
      draftRevision: 3,
      updatedAt: now.toISOString(),
    });
    const detail = expectOk(await getDemarche(ctx, id));
    expect(detail).toMatchObject({ draft: latest, draftRevision: 3 });
    expect(detail.versions.map((v) => v.version)).toEqual([2, 1]);
    expect((await listDemarches(ctx)).find((d) => d.id === id)?.draftStatus).toBe('published');
    expect(await versionsOf()).toEqual(versionsBefore);
    expect(await dossierRow()).toEqual(dossierBefore);
    expect(dossierBefore[0]).toMatchObject({ version: 1, data: VALID_SOCIAL_AID });

    // The editor goes on from the revision it was given.
    expectOk(await saveDraft(ctx, { id, revision: 3, draft: edited }));

    const audits = await auditsOf(world.tenantId, id);
    expect(audits.filter((a) => a.action === 'demarche.discardDraft')).toEqual([
      expect.objectContaining({
        actor: `user:${world.accounts.admin.id}`,
        requestId: ctx.requestId,
        details: { version: 2, revision: 2 },
      }),
    ]);
  });

  it('never deletes a version of another tenant’s démarche, nor tells that it exists', async () => {
    const { world: owner } = await adminOfNewTenant();
    const { ctx: intruder } = await adminOfNewTenant();
    const { id } = owner.demarche;
    const foreign = expectErr(await deleteDraft(intruder, { id, revision: 0 }));
    expect(foreign).toEqual(
      expectErr(await deleteDraft(intruder, { id: randomUUID(), revision: 0 })),
    );
    expect(foreign.code).toBe('NOT_FOUND');
    const ownerCtx = staffContext(database().db, {
      tenantId: owner.tenantId,
      userId: owner.accounts.admin.id,
    });
    expect(expectOk(await getDemarche(ownerCtx, id)).draftRevision).toBe(0);
    expect(await auditsOf(intruder.scope.tenantId, id)).toEqual([]);
  });

  it('settles a delete racing a publish of a never-published démarche without a failure', async () => {
    const { ctx } = await adminOfNewTenant();
    const slug = 'aide-logement';
    const { id } = expectOk(await createDemarche(ctx, { slug, title: 'Aide' }));
    expectOk(await saveDraft(ctx, { id, revision: 0, draft: socialAidAs(slug) }));
    const [published, deleted] = await Promise.all([
      publishDemarche(ctx, { id, revision: 1 }),
      deleteDraft(ctx, { id, revision: 1 }),
    ]);
    const outcome = expectOk(deleted);
    if (outcome.deleted === 'demarche') {
      // The delete went first: the publish found nothing left to publish.
      expect(expectErr(published).code).toBe('NOT_FOUND');
      expect(expectErr(await getDemarche(ctx, id)).code).toBe('NOT_FOUND');
    } else {
      // The publish went first: the delete kept version 1 and only reset the draft to it.
      expect(expectOk(published).version).toBe(1);
      expect(outcome).toMatchObject({ version: 1, draftRevision: 2 });
      expect(expectOk(await listVersions(ctx, id)).map((v) => v.version)).toEqual([1]);
    }
  });
});
