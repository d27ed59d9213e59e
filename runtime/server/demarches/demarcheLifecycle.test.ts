import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { socialAidDefinition } from '../../../shared/testing/socialAidDefinition.ts';
import { demarcheVersions } from '../../db/schema/demarches.ts';
import { auditLog } from '../../db/schema/logs.ts';
import { describeOnEachDriver } from '../../db/testing/describeOnEachDriver.ts';
import { seedTenant } from '../testing/seedTenant.ts';
import { createDemarche } from './createDemarche.ts';
import { diffVersions } from './diffVersions.ts';
import { getDemarche } from './getDemarche.ts';
import { getVersion } from './getVersion.ts';
import { listDemarches } from './listDemarches.ts';
import { listVersions } from './listVersions.ts';
import { publishDemarche } from './publishDemarche.ts';
import { MAX_DRAFT_BYTES, saveDraft } from './saveDraft.ts';
import { expectErr, expectOk, socialAidAs, staffContext } from './testing/demarcheFixtures.ts';
import { validateDraft } from './validateDraft.ts';

describeOnEachDriver('démarches: draft and publish lifecycle', (database) => {
  async function adminOfNewTenant() {
    const world = await seedTenant(database().db);
    return {
      world,
      ctx: staffContext(database().db, {
        tenantId: world.tenantId,
        userId: world.accounts.admin.id,
      }),
    };
  }

  it('creates a démarche whose skeleton draft is already publishable', async () => {
    const { ctx, world } = await adminOfNewTenant();
    const created = expectOk(
      await createDemarche(ctx, {
        slug: 'carte-resident',
        title: 'Carte de résident',
        ownerUnit: 'ccas',
      }),
    );
    expect(created).toMatchObject({ slug: 'carte-resident', draftRevision: 0, versions: [] });
    expect(created.ownerUnitId).toBe(world.unitIds.ccas);
    expect(created.draft).toMatchObject({ meta: { slug: 'carte-resident', ownerUnit: 'ccas' } });
    expect(expectOk(await validateDraft(ctx, created.id))).toEqual({
      problems: [],
      diagnostics: [],
      publishable: true,
    });

    const taken = expectErr(await createDemarche(ctx, { slug: 'carte-resident', title: 'Autre' }));
    expect(taken.code).toBe('SLUG_TAKEN');
    expect(taken.message).toContain('déjà utilisé');
    const unknownUnit = expectErr(
      await createDemarche(ctx, { slug: 'autre', title: 'Autre', ownerUnit: 'nulle-part' }),
    );
    expect(unknownUnit).toMatchObject({
      code: 'INVALID_INPUT',
      fieldErrors: { ownerUnit: [expect.any(String)] },
    });
  });

  it('stores invalid drafts, refuses stale saves and never overwrites newer work', async () => {
    const { ctx } = await adminOfNewTenant();
    const { id } = expectOk(await createDemarche(ctx, { slug: 'aide-logement', title: 'Aide' }));

    const valid = expectOk(
      await saveDraft(ctx, { id, revision: 0, draft: socialAidAs('aide-logement') }),
    );
    expect(valid).toMatchObject({ draftRevision: 1, problems: [], publishable: true });

    const broken = socialAidAs('aide-logement', (d) => {
      (d.workflow.states[1] as { kind: string }).kind = 'bogus';
    });
    const invalid = expectOk(await saveDraft(ctx, { id, revision: 1, draft: broken }));
    expect(invalid.draftRevision).toBe(2);
    expect(invalid.publishable).toBe(false);
    expect(invalid.problems).toContainEqual(
      expect.objectContaining({ code: 'SCHEMA_ENUM', pointer: '/workflow/states/1/kind' }),
    );

    // Another tab still on revision 1 tries to save: refused, told the current revision.
    const stale = expectErr(
      await saveDraft(ctx, { id, revision: 1, draft: socialAidAs('aide-logement') }),
    );
    expect(stale).toMatchObject({ code: 'STALE_REVISION', details: { currentRevision: 2 } });

    const huge = { ...broken, padding: 'x'.repeat(MAX_DRAFT_BYTES) };
    const tooLarge = expectErr(await saveDraft(ctx, { id, revision: 2, draft: huge }));
    expect(tooLarge.code).toBe('PAYLOAD_TOO_LARGE');

    const stored = expectOk(await getDemarche(ctx, id));
    expect(stored.draftRevision).toBe(2);
    expect(stored.draft).toEqual(broken);
  });

  it('refuses to publish an invalid draft, then publishes immutable numbered versions', async () => {
    const { ctx, world } = await adminOfNewTenant();
    const slug = 'aide-logement';
    const { id } = expectOk(await createDemarche(ctx, { slug, title: 'Aide au logement' }));

    const broken = socialAidAs(slug, (d) => {
      (d.workflow.states[1] as { kind: string }).kind = 'bogus';
    });
    expectOk(await saveDraft(ctx, { id, revision: 0, draft: broken }));
    const invalid = expectErr(await publishDemarche(ctx, { id, revision: 1 }));
    expect(invalid.code).toBe('INVALID_DEFINITION');
    expect(invalid.details?.['problems']).toContainEqual(
      expect.objectContaining({ pointer: '/workflow/states/1/kind' }),
    );

    // Structurally valid, but the linter finds a state nothing leads to.
    const orphan = socialAidAs(slug, (d) => {
      d.workflow.states.push({ id: 'oublie', label: 'Oublié', kind: 'active' });
    });
    expectOk(await saveDraft(ctx, { id, revision: 1, draft: orphan }));
    const unlinted = expectErr(await publishDemarche(ctx, { id, revision: 2 }));
    expect(unlinted.code).toBe('INVALID_DEFINITION');
    expect(unlinted.details?.['diagnostics']).toContainEqual(
      expect.objectContaining({ severity: 'error', pointer: '/workflow/states/7' }),
    );
    expect(expectOk(await listVersions(ctx, id))).toEqual([]);

    expectOk(await saveDraft(ctx, { id, revision: 2, draft: socialAidAs(slug) }));
    expect(expectErr(await publishDemarche(ctx, { id, revision: 2 })).code).toBe('STALE_REVISION');
    const v1 = expectOk(await publishDemarche(ctx, { id, revision: 3 }));
    expect(v1).toMatchObject({ version: 1, publishedBy: world.accounts.admin.id });
    expect(expectErr(await publishDemarche(ctx, { id, revision: 3 })).code).toBe(
      'ALREADY_PUBLISHED',
    );

    const changed = socialAidAs(slug, (d) => {
      d.meta.title = 'Aide au logement 2026';
      d.workflow.states[1]!.label = 'Déposée';
    });
    expectOk(await saveDraft(ctx, { id, revision: 3, draft: changed }));
    expect(expectOk(await publishDemarche(ctx, { id, revision: 4 })).version).toBe(2);

    expect(expectOk(await listVersions(ctx, id)).map((v) => v.version)).toEqual([2, 1]);
    const diff = expectOk(await diffVersions(ctx, { id, from: 1, to: 2 }));
    expect(diff.changes).toEqual([
      {
        kind: 'changed',
        path: '/meta/title',
        fromPath: '/meta/title',
        before: 'Demande d’aide sociale',
        after: 'Aide au logement 2026',
      },
      {
        kind: 'changed',
        path: '/workflow/states/1/label',
        fromPath: '/workflow/states/1/label',
        before: 'Déposé',
        after: 'Déposée',
      },
    ]);
    expect(expectOk(await diffVersions(ctx, { id, from: 2, to: 'draft' })).changes).toEqual([]);
    expect(expectErr(await diffVersions(ctx, { id, from: 1, to: 9 })).code).toBe('NOT_FOUND');

    // Version 1 is exactly what was published, whatever happened since.
    expect(expectOk(await getVersion(ctx, { id, version: 1 })).definition).toEqual(
      socialAidAs(slug),
    );
    const summary = (await listDemarches(ctx)).find((d) => d.id === id);
    expect(summary).toMatchObject({
      title: 'Aide au logement 2026',
      latestVersion: 2,
      latestPublishedAt: ctx.now.toISOString(),
      draftStatus: 'published',
    });
    expectOk(await saveDraft(ctx, { id, revision: 4, draft: socialAidAs(slug) }));
    expect((await listDemarches(ctx)).find((d) => d.id === id)?.draftStatus).toBe('modified');

    const audits = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, world.tenantId), eq(auditLog.object, `demarche:${id}`)));
    expect(audits.map((a) => a.action).sort()).toEqual([
      'demarche.create',
      'demarche.publish',
      'demarche.publish',
    ]);
  });

  it('lets exactly one of two concurrent publishes through', async () => {
    const { ctx } = await adminOfNewTenant();
    const { id } = expectOk(await createDemarche(ctx, { slug: 'aide-logement', title: 'Aide' }));
    expectOk(await saveDraft(ctx, { id, revision: 0, draft: socialAidAs('aide-logement') }));
    const results = await Promise.all([
      publishDemarche(ctx, { id, revision: 1 }),
      publishDemarche(ctx, { id, revision: 1 }),
    ]);
    const published = results.filter((r) => r.ok);
    const refused = results.flatMap((r) => (r.ok ? [] : [r.error.code]));
    expect(published).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(['CONFLICT', 'ALREADY_PUBLISHED']).toContain(refused[0]);
    expect(expectOk(await listVersions(ctx, id)).map((v) => v.version)).toEqual([1]);
  });

  it('keeps published versions immutable in the database itself', async () => {
    const { ctx, world } = await adminOfNewTenant();
    const mine = and(
      eq(demarcheVersions.tenantId, world.tenantId),
      eq(demarcheVersions.demarcheId, world.demarche.id),
    );
    await expect(
      ctx.db
        .update(demarcheVersions)
        .set({ definition: { forged: true } })
        .where(mine),
    ).rejects.toThrow();
    const [row] = await ctx.db.select().from(demarcheVersions).where(mine);
    expect(row?.definition).toEqual(socialAidDefinition);
  });
});
