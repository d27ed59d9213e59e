import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DemarcheDefinition } from '../../../shared/definition/types.ts';
import { socialAidDefinition } from '../../../shared/testing/socialAidDefinition.ts';
import { auditLog, idempotencyKeys, units } from '../../db/index.ts';
import { describeOnEachDriver } from '../../db/testing/index.ts';
import { enqueueEffects } from '../effects/index.ts';
import { type SeededTenant, seedTenant } from '../testing/seedTenant.ts';
import { actOnDossier } from './actOnDossier.ts';
import { getDossier } from './getDossier.ts';
import { saveDraft } from './saveDraft.ts';
import { submitDossier } from './submitDossier.ts';
import { dossierServiceKit } from './testing/dossierServiceKit.ts';
import {
  contextOf,
  countFor,
  expectErr,
  expectOk,
  jobsOf,
  type SeededRole,
  VALID_SOCIAL_AID,
} from './testing/dossierTestKit.ts';

describeOnEachDriver('dossier services: submit and act', (database) => {
  const kit = dossierServiceKit(database);
  const { as, draftWith, submitted, referencesOf, row, world } = kit;
  beforeAll(kit.seed);

  /**
   * A dossier submitted in a tenant of its own whose démarche routes by `routing`;
   * `prepare` changes that tenant first. With the tenant's contexts and the unit its
   * transition event records as unknown (the rule's unit it could not route to).
   */
  async function submittedRoutedBy(
    routing: DemarcheDefinition['routing'],
    prepare?: (tenant: SeededTenant) => Promise<unknown>,
  ) {
    const definition = structuredClone(socialAidDefinition);
    definition.routing = routing;
    const tenant = await seedTenant(database().db, { definition });
    await prepare?.(tenant);
    const result = await kit.submittedIn(tenant);
    const { rows } = await database().executeSql(
      `select payload from dossier_events where dossier_id = $1 and type = 'transition'`,
      [result.id],
    );
    return {
      result,
      ctx: (who: SeededRole) => contextOf(database().db, tenant, who),
      unknownUnit: (rows[0] as { payload: Record<string, unknown> }).payload['unknownUnit'],
    };
  }

  describe('submit', () => {
    it('refuses an invalid form with field errors and writes nothing', async () => {
      const id = await draftWith({ nom: 'Martin', email: 'pas-une-adresse', situation: 'couple' });
      const key = randomUUID();
      const error = expectErr(
        await submitDossier(
          as('citizen'),
          { id, transition: 'deposer', revision: 1, idempotencyKey: key },
          enqueueEffects,
        ),
      );
      expect(error.code).toBe('INVALID_DATA');
      expect(error.fieldErrors).toMatchObject({
        prenom: ['Ce champ est obligatoire.'],
        email: ['L’adresse électronique n’est pas valide.'],
        conjoint: ['Ce champ est obligatoire.'],
      });
      expect(await row(id)).toMatchObject({ state: 'brouillon', revision: 1, reference: null });
      expect(await countFor(database(), 'dossier_events', id, "type = 'transition'")).toBe(0);
      expect(await jobsOf(database(), id)).toEqual([]);
      const keys = await database()
        .db.select()
        .from(idempotencyKeys)
        .where(eq(idempotencyKeys.key, key));
      expect(keys).toEqual([]);
    });

    it('numbers, routes, logs and enqueues in one transaction', async () => {
      const result = await submitted({
        ...VALID_SOCIAL_AID,
        situation: 'couple',
        conjoint: 'Paul',
      });
      expect(result).toMatchObject({
        state: 'depose',
        stateLabel: 'Déposé',
        revision: 2,
        unitCode: 'ccas-familles',
        dueAt: '2026-03-07T09:00:00.000Z',
      });
      expect(result.reference).toMatch(/^AIDE-2026-\d{6}$/);
      const stored = await row(result.id);
      expect(stored.submittedAt?.toISOString()).toBe('2026-03-02T09:00:00.000Z');
      const { rows } = await database().executeSql(
        `select payload, request_id from dossier_events where dossier_id = $1 and type = 'transition'`,
        [result.id],
      );
      expect(rows).toHaveLength(1);
      expect((rows[0] as { payload: unknown }).payload).toMatchObject({
        transition: 'deposer',
        from: 'brouillon',
        to: 'depose',
        reference: result.reference,
        changes: { unit: { before: null, after: 'ccas-familles' } },
      });
      expect(await jobsOf(database(), result.id)).toEqual([
        { name: 'effect-notify', type: 'notify' },
      ]);
      const audits = await database()
        .db.select()
        .from(auditLog)
        .where(eq(auditLog.object, `dossier:${result.id}`));
      expect(audits.map((a) => a.action)).toEqual(['dossier.transition']);
    });

    it('answers the same key twice with the same result and one change', async () => {
      const id = await draftWith(VALID_SOCIAL_AID);
      const input = { id, transition: 'deposer', revision: 1, idempotencyKey: randomUUID() };
      const first = expectOk(await submitDossier(as('citizen'), input, enqueueEffects));
      const second = expectOk(await submitDossier(as('citizen'), input, enqueueEffects));
      expect(second).toEqual(first);
      expect(await countFor(database(), 'dossier_events', id, "type = 'transition'")).toBe(1);
      expect(await jobsOf(database(), id)).toHaveLength(1);
      const mismatch = expectErr(
        await submitDossier(as('citizen'), { ...input, revision: 2 }, enqueueEffects),
      );
      expect(mismatch.code).toBe('IDEMPOTENCY_MISMATCH');
    });

    it('answers concurrent duplicates once', async () => {
      const id = await draftWith(VALID_SOCIAL_AID);
      const input = { id, transition: 'deposer', revision: 1, idempotencyKey: randomUUID() };
      const results = await Promise.all(
        Array.from({ length: 4 }, () => submitDossier(as('citizen'), input, enqueueEffects)),
      );
      const values = results.map(expectOk);
      for (const value of values) expect(value).toEqual(values[0]);
      expect(await countFor(database(), 'dossier_events', id, "type = 'transition'")).toBe(1);
      expect(await jobsOf(database(), id)).toHaveLength(1);
    });

    it('rolls everything back when the outbox fails after the first writes', async () => {
      const id = await draftWith(VALID_SOCIAL_AID);
      const failing = async () => {
        throw new Error('outbox down');
      };
      const key = randomUUID();
      const input = { id, transition: 'deposer', revision: 1, idempotencyKey: key };
      await expect(submitDossier(as('citizen'), input, failing)).rejects.toThrow('outbox down');
      expect(await row(id)).toMatchObject({
        state: 'brouillon',
        revision: 1,
        reference: null,
        unitCode: null,
      });
      expect(await countFor(database(), 'dossier_events', id, "type = 'transition'")).toBe(0);
      expect(await jobsOf(database(), id)).toEqual([]);
      expect(
        await database().db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key)),
      ).toEqual([]);
      // The retry with the same key succeeds, once. The failed attempt's number is lost
      // (references may have gaps); the retry's is new, unique and the highest so far.
      const before = await referencesOf(world().tenantId);
      const retried = expectOk(await submitDossier(as('citizen'), input, enqueueEffects));
      expect(retried.state).toBe('depose');
      expect(retried.reference).toMatch(/^AIDE-2026-\d{6}$/);
      expect(before).not.toContain(retried.reference);
      expect(before.every((reference) => reference < retried.reference!)).toBe(true);
    });

    it('refuses a second submission of a submitted dossier', async () => {
      const result = await submitted();
      const input = {
        id: result.id,
        transition: 'deposer',
        revision: 2,
        idempotencyKey: randomUUID(),
      };
      expect(expectErr(await submitDossier(as('citizen'), input, enqueueEffects)).code).toBe(
        'NOT_A_DRAFT',
      );
    });

    it('leaves the dossier unrouted when a rule names a unit the tenant lacks', async () => {
      const { result, ctx, unknownUnit } = await submittedRoutedBy([
        { id: 'nulle-part', unit: 'unite-disparue' },
      ]);
      expect(result).toMatchObject({ state: 'depose', unitCode: null });
      expect(unknownUnit).toBe('unite-disparue');
      // Unrouted: every agent of the tenant sees it, so someone can pick it up.
      expectOk(await getDossier(ctx('agentMairie'), { id: result.id }));
    });
    it('never routes to an archived unit: the dossier stays unrouted, seen by the agents', async () => {
      const { result, ctx, unknownUnit } = await submittedRoutedBy(
        [{ id: 'accueil', unit: 'mairie' }],
        // Archived after the démarche was published (publish itself refuses it, §116).
        (other) =>
          database()
            .db.update(units)
            .set({ archivedAt: new Date() })
            .where(and(eq(units.tenantId, other.tenantId), eq(units.code, 'mairie'))),
      );
      expect(result).toMatchObject({ state: 'depose', unitCode: null });
      expect(unknownUnit).toBe('mairie');
      // Unrouted: agents and supervisors of any unit see it, so someone can pick it up.
      expectOk(await getDossier(ctx('agent'), { id: result.id }));
      expectOk(await getDossier(ctx('supervisor'), { id: result.id }));
    });
  });

  describe('act', () => {
    it('lets exactly one of two agents acting at once win; the other sees why', async () => {
      const { id } = await submitted();
      const take = (who: SeededRole) =>
        actOnDossier(as(who), { id, transition: 'prendre_en_charge', revision: 2 }, enqueueEffects);
      const results = await Promise.all([take('agent'), take('supervisor')]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      const loser = results.find((r) => !r.ok);
      const error = expectErr(loser!);
      expect(error.code).toBe('STALE_REVISION');
      expect(error.details).toMatchObject({
        currentRevision: 3,
        lastChange: { type: 'transition', transition: 'prendre_en_charge' },
      });
      expect(await countFor(database(), 'dossier_events', id, "type = 'transition'")).toBe(2);
    });

    it('leaves drafts to submit: act refuses them', async () => {
      const id = await draftWith(VALID_SOCIAL_AID);
      const input = { id, transition: 'deposer', revision: 1 };
      const error = expectErr(await actOnDossier(as('citizen'), input, enqueueEffects));
      expect(error.code).toBe('NOT_SUBMITTED');
    });

    it('stops applicant edits once submitted', async () => {
      const { id } = await submitted();
      const error = expectErr(await saveDraft(as('citizen'), { id, data: {}, revision: 2 }));
      expect(error.code).toBe('NOT_EDITABLE');
    });
  });
});
