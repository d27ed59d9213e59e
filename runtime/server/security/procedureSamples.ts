import { randomBytes, randomUUID } from 'node:crypto';
import { VALID_SOCIAL_AID } from '../dossiers/testing/dossierTestKit.ts';
import { SEEDED_PASSWORD } from '../testing/seedTenant.ts';
import { CALLERS, type Caller, CITIZENS, SIGNED_IN, STAFF } from './testing/callers.ts';
import { type SampleWorld, sampleDefinition } from './testing/sampleWorld.ts';

/**
 * How the security suites call one procedure.
 * - `callers`: who passes the procedure's gate; everyone else gets UNAUTHORIZED
 *   (anonymous) or FORBIDDEN, and nothing is written.
 * - `references`: `ids` when the input names objects of the caller's tenant (ids, or a
 *   démarche slug) and another tenant's must be NOT_FOUND; `idFilter` when ids only
 *   narrow a list, so another tenant's must answer as ids that exist nowhere (an empty
 *   page); `tenant` when it names a tenant by slug (public catalogue, login); `none`
 *   otherwise.
 * - `readers`: for `ids` procedures, those of `callers` who may see the sample object;
 *   the other callers get NOT_FOUND, exactly as for a random id.
 * - `actor`: a caller for whom `input` is valid and would be carried out.
 * - `input`: a valid input built from a tenant's sample world; absent when the procedure
 *   takes none. Factories may draw fresh values (emails, keys) on every call.
 */
export interface ProcedureSample {
  callers: readonly Caller[];
  references: 'ids' | 'idFilter' | 'tenant' | 'none';
  readers?: readonly Caller[];
  actor: Caller;
  input?: (world: SampleWorld) => unknown;
}

const EVERYONE = CALLERS;
/** Démarches are the tenant's, not a unit's: every staff member reads them. */
const STAFF_READERS = STAFF;
/** Who sees a submitted dossier routed to `ccas`: its applicant and staff covering `ccas`
 * (not `agentMairie`, whose unit is a sibling). */
const SUBMITTED_READERS = ['citizen', 'admin', 'agent', 'supervisor'] as const;

const fresh = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`;

/**
 * Every procedure of `appRouter`, keyed by dotted path. `procedureSamples.test.ts` fails
 * when the router has a procedure missing here (or this lists one it no longer has),
 * so a new procedure cannot skip the isolation, role and strict-input suites.
 */
export const PROCEDURE_SAMPLES: Record<string, ProcedureSample> = {
  'auth.changePassword': {
    callers: SIGNED_IN,
    references: 'none',
    actor: 'citizen',
    input: () => ({ current: SEEDED_PASSWORD, next: 'Une toute autre phrase de passe 2026' }),
  },
  'auth.login': {
    callers: EVERYONE,
    references: 'tenant',
    actor: 'anonymous',
    input: (world) => ({
      tenant: world.tenantSlug,
      email: world.citizenEmail,
      password: SEEDED_PASSWORD,
    }),
  },
  'auth.logout': { callers: EVERYONE, references: 'none', actor: 'citizen' },
  'auth.me': { callers: EVERYONE, references: 'none', actor: 'citizen' },
  'auth.signup': {
    callers: EVERYONE,
    references: 'tenant',
    actor: 'anonymous',
    input: (world) => ({
      tenant: world.tenantSlug,
      email: `${fresh('inscrit')}@example.fr`,
      password: 'Une phrase de passe bien longue 2026',
      displayName: 'Nouvel Usager',
    }),
  },

  'demarches.create': {
    callers: ['admin'],
    references: 'none',
    actor: 'admin',
    input: () => ({ slug: fresh('nouvelle'), title: 'Nouvelle démarche' }),
  },
  'demarches.list': { callers: STAFF_READERS, references: 'none', actor: 'agentMairie' },
  'demarches.get': {
    callers: STAFF_READERS,
    references: 'ids',
    readers: STAFF_READERS,
    actor: 'agent',
    input: (world) => ({ id: world.demarche.id }),
  },
  'demarches.saveDraft': {
    callers: ['admin'],
    references: 'ids',
    readers: ['admin'],
    actor: 'admin',
    input: (world) => ({
      id: world.demarche.id,
      draft: sampleDefinition(world.demarche.slug),
      revision: world.demarche.draftRevision,
    }),
  },
  'demarches.deleteDraft': {
    callers: ['admin'],
    references: 'ids',
    readers: ['admin'],
    actor: 'admin',
    // The world's démarche is published: carried out, this only puts its draft back to
    // version 1; it never deletes the démarche the other samples and dossiers rely on.
    input: (world) => ({ id: world.demarche.id, revision: world.demarche.draftRevision }),
  },
  'demarches.validate': {
    callers: STAFF_READERS,
    references: 'ids',
    readers: STAFF_READERS,
    actor: 'agent',
    input: (world) => ({ id: world.demarche.id }),
  },
  'demarches.publish': {
    callers: ['admin'],
    references: 'ids',
    readers: ['admin'],
    actor: 'admin',
    input: (world) => ({ id: world.demarche.id, revision: world.demarche.draftRevision }),
  },
  'demarches.listVersions': {
    callers: STAFF_READERS,
    references: 'ids',
    readers: STAFF_READERS,
    actor: 'agent',
    input: (world) => ({ id: world.demarche.id }),
  },
  'demarches.getVersion': {
    callers: STAFF_READERS,
    references: 'ids',
    readers: STAFF_READERS,
    actor: 'agent',
    input: (world) => ({ id: world.demarche.id, version: world.demarche.version }),
  },
  'demarches.diff': {
    callers: STAFF_READERS,
    references: 'ids',
    readers: STAFF_READERS,
    actor: 'agent',
    input: (world) => ({ id: world.demarche.id, from: world.demarche.version, to: 'draft' }),
  },
  'demarches.listPublished': {
    callers: EVERYONE,
    references: 'tenant',
    actor: 'anonymous',
    input: (world) => ({ tenant: world.tenantSlug }),
  },
  'demarches.getPublished': {
    callers: EVERYONE,
    references: 'tenant',
    actor: 'anonymous',
    input: (world) => ({ tenant: world.tenantSlug, slug: world.demarche.slug }),
  },

  'dossiers.create': {
    callers: CITIZENS,
    references: 'ids',
    readers: CITIZENS,
    actor: 'citizen',
    input: (world) => ({ demarche: world.demarche.slug }),
  },
  'dossiers.get': {
    callers: SIGNED_IN,
    references: 'ids',
    readers: SUBMITTED_READERS,
    actor: 'agent',
    input: (world) => ({ id: world.submitted.id }),
  },
  'dossiers.mine': { callers: CITIZENS, references: 'none', actor: 'citizen' },
  'dossiers.saveDraft': {
    callers: SIGNED_IN,
    references: 'ids',
    // A draft is the applicant's alone: no staff member sees it before submission.
    readers: ['citizen'],
    actor: 'citizen',
    input: (world) => ({ ...world.draft, data: VALID_SOCIAL_AID }),
  },
  'dossiers.submit': {
    callers: SIGNED_IN,
    references: 'ids',
    readers: ['citizen'],
    actor: 'citizen',
    input: (world) => ({ ...world.draft, transition: 'deposer', idempotencyKey: randomUUID() }),
  },
  'dossiers.act': {
    callers: SIGNED_IN,
    references: 'ids',
    readers: SUBMITTED_READERS,
    actor: 'agent',
    input: (world) => ({ ...world.submitted, transition: 'prendre_en_charge' }),
  },
  'dossiers.history': {
    callers: SIGNED_IN,
    references: 'ids',
    readers: SUBMITTED_READERS,
    actor: 'agent',
    input: (world) => ({ id: world.submitted.id }),
  },
  'dossiers.messages.list': {
    callers: SIGNED_IN,
    references: 'ids',
    readers: SUBMITTED_READERS,
    actor: 'citizen',
    input: (world) => ({ dossierId: world.submitted.id }),
  },
  'dossiers.messages.send': {
    callers: SIGNED_IN,
    references: 'ids',
    readers: SUBMITTED_READERS,
    actor: 'citizen',
    input: (world) => ({ dossierId: world.submitted.id, body: 'Une précision sur ma demande.' }),
  },

  'queues.list': {
    callers: STAFF,
    references: 'idFilter',
    actor: 'agent',
    input: (world) => ({ demarcheId: world.demarche.id, assignee: world.agentId }),
  },
  'queues.counts': {
    callers: STAFF,
    references: 'idFilter',
    actor: 'agent',
    input: (world) => ({ demarcheId: world.demarche.id }),
  },

  'tasks.mine': { callers: STAFF, references: 'none', actor: 'agent', input: () => ({}) },
};
