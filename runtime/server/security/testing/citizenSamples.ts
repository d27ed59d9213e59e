import { randomBytes } from 'node:crypto';
import { SEEDED_PASSWORD } from '../../testing/seedTenant.ts';
import { CITIZENS, SIGNED_IN } from './callers.ts';
import type { ProcedureSample } from './procedureSample.ts';
import { EVERYONE, fresh } from './sampleCallers.ts';

/** The procedures citizens and visitors call first: dossiers without an account, accounts and sessions, the document safe. */
export const CITIZEN_SAMPLES: Record<string, ProcedureSample> = {
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
};
