import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { type Database, dossiers } from '../../../db/index.ts';
import { enqueueEffects, ensureJobSchema } from '../../effects/index.ts';
import { type SeededTenant, seedTenant } from '../../testing/seedTenant.ts';
import { createDossier } from '../createDossier.ts';
import { saveDraft } from '../saveDraft.ts';
import { submitDossier } from '../submitDossier.ts';
import { contextOf, expectOk, type SeededRole, VALID_SOCIAL_AID } from './dossierTestKit.ts';

/**
 * The seeded tenant the dossier service suites share, with their usual steps: a draft
 * holding some answers, a submitted dossier, a dossier's row. Call `seed()` in
 * `beforeAll`.
 *
 * @example
 * const kit = dossierServiceKit(database);
 * beforeAll(kit.seed);
 * const id = await kit.draftWith({ nom: 'Martin' });
 */
export function dossierServiceKit(database: () => Database) {
  let seeded: SeededTenant | undefined;
  const world = () => {
    if (!seeded) throw new Error('dossierServiceKit: call seed() in beforeAll first');
    return seeded;
  };
  const as = (who: SeededRole) => contextOf(database().db, world(), who);

  /** A draft of `tenant`'s citizen holding `data`, at revision 1. */
  async function draftIn(tenant: SeededTenant, data: Record<string, unknown>) {
    const citizen = contextOf(database().db, tenant, 'citizen');
    const created = expectOk(await createDossier(citizen, { demarche: 'aide-sociale' }));
    expectOk(await saveDraft(citizen, { id: created.id, data, revision: 0 }));
    return created.id;
  }

  /** A dossier `tenant`'s citizen drafted with `data` and submitted. */
  async function submittedIn(
    tenant: SeededTenant,
    data: Record<string, unknown> = VALID_SOCIAL_AID,
  ) {
    const id = await draftIn(tenant, data);
    const input = { id, transition: 'deposer', revision: 1, idempotencyKey: randomUUID() };
    const citizen = contextOf(database().db, tenant, 'citizen');
    return expectOk(await submitDossier(citizen, input, enqueueEffects));
  }

  return {
    world,
    as,
    /** A draft of the citizen holding `data`, at revision 1. */
    draftWith: (data: Record<string, unknown>) => draftIn(world(), data),
    async seed() {
      await ensureJobSchema(database());
      seeded = await seedTenant(database().db);
    },
    submitted: (data?: Record<string, unknown>) => submittedIn(world(), data),
    /** As `submitted`, in another seeded tenant (one with its own definition). */
    submittedIn,
    /** The references of a tenant's dossiers (same prefix and year here: they sort as numbers). */
    async referencesOf(tenantId: string) {
      const rows = await database()
        .db.select({ reference: dossiers.reference })
        .from(dossiers)
        .where(eq(dossiers.tenantId, tenantId));
      return rows.flatMap((found) => (found.reference === null ? [] : [found.reference]));
    },
    async row(id: string) {
      const [found] = await database().db.select().from(dossiers).where(eq(dossiers.id, id));
      return found!;
    },
  };
}
