import { randomBytes } from 'node:crypto';
import type { ProcedureSample } from './procedureSample.ts';
import { ADMIN, EVERYONE, fresh, STAFF_READERS } from './sampleCallers.ts';
import { SAMPLE_PNG, sampleDefinition } from './sampleWorld.ts';

/** What admins run: démarches and their versions, reference tables, staff, the tenant's settings and its units. */
export const ADMIN_SAMPLES: Record<string, ProcedureSample> = {
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
