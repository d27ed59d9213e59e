import { randomBytes, randomUUID } from 'node:crypto';
import { VALID_SOCIAL_AID } from '../../dossiers/testing/dossierTestKit.ts';
import { SEEDED_PASSWORD } from '../../testing/seedTenant.ts';
import { CALLERS, type Caller, CITIZENS, SIGNED_IN, STAFF } from './callers.ts';
import { SAMPLE_PNG, type SampleWorld, sampleDefinition } from './sampleWorld.ts';

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
/** Staff who see the submitted dossier: the agents' own layer on it (comments, assignment). */
const SUBMITTED_STAFF = ['admin', 'agent', 'supervisor'] as const;
const ADMIN = ['admin'] as const;

const fresh = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`;

/**
 * Every procedure of `appRouter`, keyed by dotted path. `procedureSamples.test.ts` fails
 * when the router has a procedure missing here (or this lists one it no longer has),
 * so a new procedure cannot skip the isolation, role and strict-input suites.
 */
export const PROCEDURE_SAMPLES: Record<string, ProcedureSample> = {
  // Dossiers without an account: the gate is the visitor's pass cookie, not a session,
  // so every caller passes it (the pass's own suite is runtime/server/anonymous/).
  'anonymous.current': { callers: EVERYONE, references: 'none', actor: 'anonymous' },
  'anonymous.follow': {
    callers: EVERYONE,
    references: 'tenant',
    actor: 'anonymous',
    input: (world) => ({
      tenant: world.tenantSlug,
      code: 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789',
    }),
  },
  'anonymous.issueCode': { callers: EVERYONE, references: 'none', actor: 'anonymous' },
  'anonymous.leave': { callers: EVERYONE, references: 'none', actor: 'anonymous' },
  'anonymous.start': {
    callers: EVERYONE,
    references: 'tenant',
    actor: 'anonymous',
    input: (world) => ({ tenant: world.tenantSlug, demarche: world.demarche.slug }),
  },

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
  'auth.confirmEmail': {
    callers: EVERYONE,
    references: 'none',
    actor: 'anonymous',
    // A well-formed token no link has: a real one is single-use (accountLinks.test.ts).
    input: () => ({ token: randomBytes(32).toString('base64url') }),
  },
  'auth.logout': { callers: EVERYONE, references: 'none', actor: 'citizen' },
  'auth.me': { callers: EVERYONE, references: 'none', actor: 'citizen' },
  'auth.requestPasswordReset': {
    callers: EVERYONE,
    references: 'tenant',
    actor: 'anonymous',
    input: (world) => ({ tenant: world.tenantSlug, email: world.citizenEmail }),
  },
  'auth.resendConfirmation': { callers: SIGNED_IN, references: 'none', actor: 'citizen' },
  'auth.resetPassword': {
    callers: EVERYONE,
    references: 'none',
    actor: 'anonymous',
    input: () => ({
      token: randomBytes(32).toString('base64url'),
      password: 'Une phrase de passe bien longue 2026',
    }),
  },
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

  // Dossiers opened at the counter (runtime/server/counter/): staff pass the gate; the
  // sample démarche is open to agents and supervisors, and a counter draft is the opening
  // agent's alone.
  'counter.demarches': { callers: STAFF, references: 'none', actor: 'agent' },
  'counter.start': {
    callers: STAFF,
    references: 'ids',
    readers: ['agent', 'supervisor', 'agentMairie'],
    actor: 'agent',
    input: (world) => ({ demarche: world.demarche.slug, applicant: { name: 'Jeanne Martin' } }),
  },
  'counter.get': {
    callers: STAFF,
    references: 'ids',
    readers: ['agent'],
    actor: 'agent',
    input: (world) => ({ id: world.counterDraft.id }),
  },
  'counter.saveDraft': {
    callers: STAFF,
    references: 'ids',
    readers: ['agent'],
    actor: 'agent',
    input: (world) => ({ ...world.counterDraft, data: { ...VALID_SOCIAL_AID, nom: 'Durand' } }),
  },
  'counter.submit': {
    callers: STAFF,
    references: 'ids',
    readers: ['agent'],
    actor: 'agent',
    input: (world) => ({
      ...world.counterDraft,
      transition: 'deposer',
      idempotencyKey: randomUUID(),
    }),
  },

  'dashboard.choices': { callers: STAFF, references: 'none', actor: 'agent', input: () => ({}) },
  'dashboard.figures': {
    callers: STAFF,
    // A démarche id and a unit code: another tenant's, or a unit the caller does not
    // cover (agentMairie and `ccas`), answer NOT_FOUND (docs/SECURITY.md §125).
    references: 'ids',
    readers: SUBMITTED_STAFF,
    actor: 'agent',
    input: (world) => ({ demarcheId: world.demarche.id, unit: 'ccas' }),
  },

  'dataSources.tables': { callers: ADMIN, references: 'none', actor: 'admin', input: () => ({}) },
  'dataSources.importTable': {
    callers: ADMIN,
    references: 'none',
    actor: 'admin',
    input: () => ({ code: 'communes', label: 'Communes', csv: 'code;libelle\n69123;Lyon\n' }),
  },
  'dataSources.deleteTable': {
    callers: ADMIN,
    // A code, not an id: another tenant's table reads as none (referenceTablesUpload.test.ts).
    references: 'none',
    actor: 'admin',
    input: () => ({ code: fresh('table') }),
  },
  'dataSources.search': {
    callers: EVERYONE,
    references: 'tenant',
    actor: 'anonymous',
    input: (world) => ({
      tenant: world.tenantSlug,
      demarche: world.demarche.slug,
      source: 'niveaux',
      query: 'c',
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

  'documents.attach': {
    callers: CITIZENS,
    references: 'ids',
    // A safe is its owner's alone.
    readers: ['citizen'],
    actor: 'citizen',
    input: (world) => ({
      documentId: world.documentId,
      dossierId: world.draft.id,
      field: 'justificatif',
    }),
  },
  'documents.delete': {
    callers: CITIZENS,
    references: 'ids',
    readers: ['citizen'],
    actor: 'citizen',
    input: (world) => ({ id: world.spareDocumentId }),
  },
  'documents.list': { callers: CITIZENS, references: 'none', actor: 'citizen' },

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
  'dossiers.receipt': {
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
  'dossiers.checkPage': {
    callers: SIGNED_IN,
    references: 'ids',
    readers: ['citizen'],
    actor: 'citizen',
    input: (world) => ({ id: world.draft.id, page: 'demande' }),
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

  'dossiers.comments.list': {
    callers: STAFF,
    references: 'ids',
    readers: SUBMITTED_STAFF,
    actor: 'agent',
    input: (world) => ({ dossierId: world.submitted.id }),
  },
  'dossiers.comments.add': {
    callers: STAFF,
    references: 'ids',
    readers: SUBMITTED_STAFF,
    actor: 'agent',
    input: (world) => ({ dossierId: world.submitted.id, body: 'À rappeler lundi.' }),
  },
  'dossiers.claim': {
    callers: STAFF,
    references: 'ids',
    readers: SUBMITTED_STAFF,
    actor: 'agent',
    input: (world) => ({ dossierId: world.submitted.id, revision: world.submitted.revision }),
  },
  'dossiers.assign': {
    callers: STAFF,
    references: 'ids',
    readers: SUBMITTED_STAFF,
    actor: 'supervisor',
    input: (world) => ({
      dossierId: world.submitted.id,
      revision: world.submitted.revision,
      to: { kind: 'agent', userId: world.agentId },
    }),
  },
  'dossiers.release': {
    callers: STAFF,
    references: 'ids',
    readers: SUBMITTED_STAFF,
    actor: 'agent',
    input: (world) => ({ dossierId: world.instructing.id, revision: world.instructing.revision }),
  },
  'dossiers.follow': {
    callers: STAFF,
    references: 'ids',
    readers: SUBMITTED_STAFF,
    actor: 'agent',
    input: (world) => ({ dossierId: world.submitted.id }),
  },
  'dossiers.unfollow': {
    callers: STAFF,
    references: 'ids',
    readers: SUBMITTED_STAFF,
    actor: 'agent',
    input: (world) => ({ dossierId: world.submitted.id }),
  },
  'dossiers.followed': { callers: STAFF, references: 'none', actor: 'agent', input: () => ({}) },
  'dossiers.assignees': {
    callers: STAFF,
    references: 'ids',
    readers: SUBMITTED_STAFF,
    actor: 'agent',
    input: (world) => ({ dossierId: world.submitted.id }),
  },
  'dossiers.bulk': {
    callers: STAFF,
    // Each dossier's refusal is a line of the report, not an error: another tenant's id
    // must read exactly as an id that exists nowhere (collaboration/bulkAct.test.ts).
    references: 'idFilter',
    actor: 'agent',
    input: (world) => ({
      items: [{ dossierId: world.submitted.id, revision: world.submitted.revision }],
      action: { kind: 'claim' },
    }),
  },
  'dossiers.bulkJobs.start': {
    callers: STAFF,
    // Answers a new job id whatever the ids; the worker refuses another tenant's dossier
    // exactly as one that exists nowhere (collaboration/bulkJobs.test.ts), and the report
    // echoes no id.
    references: 'none',
    actor: 'agent',
    input: (world) => ({
      items: [{ dossierId: world.submitted.id, revision: world.submitted.revision }],
      action: { kind: 'claim' },
      idempotencyKey: fresh('bulk-job'),
    }),
  },
  'dossiers.bulkJobs.get': {
    callers: STAFF,
    // The agent started it; admins read every job; other staff get NOT_FOUND (§131).
    references: 'ids',
    readers: ['admin', 'agent'],
    actor: 'agent',
    input: (world) => ({ jobId: world.bulkJobId }),
  },
  'dossiers.bulkJobs.latest': {
    callers: STAFF,
    references: 'none',
    actor: 'agent',
    input: () => ({}),
  },

  'queues.list': {
    callers: STAFF,
    references: 'idFilter',
    actor: 'agent',
    input: (world) => ({ demarcheId: world.demarche.id, assignee: world.agentId }),
  },
  'queues.exports.start': {
    callers: STAFF,
    // The démarche only narrows the rows, and a small queue (B's, or none) answers
    // « immediate » alike; above 1,000 rows, a job (queues/exportJobs.test.ts).
    references: 'none',
    actor: 'agent',
    input: (world) => ({
      filters: { demarcheId: world.demarche.id },
      format: 'csv',
      idempotencyKey: fresh('export'),
    }),
  },
  'queues.exports.get': {
    callers: STAFF,
    // Null to all but its requester, as for an id that exists nowhere (§132).
    references: 'none',
    actor: 'agent',
    input: () => ({ exportId: randomUUID() }),
  },
  'queues.exports.latest': {
    callers: STAFF,
    references: 'none',
    actor: 'agent',
    input: () => ({}),
  },
  'queues.views.list': { callers: STAFF, references: 'none', actor: 'agent', input: () => ({}) },
  'queues.views.save': {
    callers: STAFF,
    references: 'none',
    actor: 'agent',
    input: () => ({ name: fresh('Vue'), search: '?seulement=mine' }),
  },
  'queues.views.remove': {
    callers: STAFF,
    // One agent's view is NOT_FOUND to everyone else: queues/savedViews.test.ts.
    references: 'none',
    actor: 'agent',
    input: () => ({ id: randomUUID() }),
  },
  'queues.counts': {
    callers: STAFF,
    references: 'idFilter',
    actor: 'agent',
    input: (world) => ({ demarcheId: world.demarche.id }),
  },

  'staff.list': { callers: ADMIN, references: 'none', actor: 'admin', input: () => ({}) },
  'staff.invite': {
    callers: ADMIN,
    // Whole-tenant roles: an invitation naming units is checked by staff.test.ts.
    references: 'none',
    actor: 'admin',
    input: () => ({
      email: `${fresh('invite')}@example.fr`,
      displayName: 'Nouvelle Recrue',
      access: [{ role: 'agent', unitId: null }],
    }),
  },
  'staff.acceptInvitation': {
    callers: EVERYONE,
    references: 'none',
    actor: 'anonymous',
    // A well-formed token no invitation has: a real one is single-use (staff.test.ts).
    input: () => ({
      token: randomBytes(32).toString('base64url'),
      password: 'Une phrase de passe bien longue 2026',
    }),
  },
  'staff.cancelInvitation': {
    callers: ADMIN,
    references: 'ids',
    readers: ADMIN,
    actor: 'admin',
    // Cancelling twice succeeds and changes nothing, so every suite may carry it out.
    input: (world) => ({ invitationId: world.pendingInvitationId }),
  },
  'staff.setAccess': {
    callers: ADMIN,
    references: 'ids',
    readers: ADMIN,
    actor: 'admin',
    // The access he already has: carried out, it changes nothing for the other suites.
    input: (world) => ({
      userId: world.agentMairieId,
      access: [{ role: 'agent', unitId: world.units.mairie }],
    }),
  },
  'staff.disable': {
    callers: ADMIN,
    references: 'ids',
    readers: ADMIN,
    actor: 'admin',
    input: (world) => ({ userId: world.agentMairieId }),
  },
  'staff.enable': {
    callers: ADMIN,
    references: 'ids',
    readers: ADMIN,
    actor: 'admin',
    input: (world) => ({ userId: world.agentMairieId }),
  },

  'tasks.mine': { callers: STAFF, references: 'none', actor: 'agent', input: () => ({}) },

  'tenant.settings': { callers: ADMIN, references: 'none', actor: 'admin', input: () => ({}) },
  'tenant.updateSettings': {
    callers: ADMIN,
    references: 'none',
    actor: 'admin',
    input: () => ({
      contact: { phone: '01 23 45 67 89', email: 'accueil@mairie.example.fr' },
      theme: { primaryColor: '#1a4d8f', accentColor: '#8a2c0d' },
    }),
  },
  'tenant.setLogo': {
    callers: ADMIN,
    references: 'none',
    actor: 'admin',
    input: () => ({ contentBase64: SAMPLE_PNG.toString('base64') }),
  },
  'tenant.setHosts': {
    callers: ADMIN,
    references: 'none',
    actor: 'admin',
    input: (world) => ({ hosts: [`${world.tenantSlug}.guichet.test`] }),
  },
  'tenant.removeLogo': { callers: ADMIN, references: 'none', actor: 'admin', input: () => ({}) },
  'tenant.publicTheme': {
    callers: EVERYONE,
    references: 'tenant',
    actor: 'anonymous',
    input: (world) => ({ tenant: world.tenantSlug }),
  },

  'units.tree': { callers: ADMIN, references: 'none', actor: 'admin', input: () => ({}) },
  'units.create': {
    callers: ADMIN,
    references: 'ids',
    readers: ADMIN,
    actor: 'admin',
    input: (world) => ({ code: fresh('pole'), name: 'Nouveau pôle', parentId: world.units.ccas }),
  },
  'units.rename': {
    callers: ADMIN,
    references: 'ids',
    readers: ADMIN,
    actor: 'admin',
    input: (world) => ({ id: world.units.familles, name: 'Pôle familles' }),
  },
  'units.move': {
    callers: ADMIN,
    references: 'ids',
    readers: ADMIN,
    actor: 'admin',
    // Under the parent it already has.
    input: (world) => ({ id: world.units.familles, parentId: world.units.ccas }),
  },
  'units.publishedUses': {
    callers: ADMIN,
    references: 'ids',
    readers: ADMIN,
    actor: 'admin',
    input: (world) => ({ id: world.units.ccas }),
  },
  'units.setArchived': {
    callers: ADMIN,
    references: 'ids',
    readers: ADMIN,
    actor: 'admin',
    // Restoring a unit in service: carried out, and leaves the sample world as it was.
    input: (world) => ({ id: world.units.familles, archived: false }),
  },
  'units.previewCsv': {
    callers: ADMIN,
    references: 'none',
    actor: 'admin',
    input: () => ({ csv: `code;nom;code_parent\n${fresh('apercu')};Service prévu;ccas\n` }),
  },
  'units.importCsv': {
    callers: ADMIN,
    references: 'none',
    actor: 'admin',
    input: () => ({ csv: `code;nom;code_parent\n${fresh('import')};Service importé;\n` }),
  },
};
