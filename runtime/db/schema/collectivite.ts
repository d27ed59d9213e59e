import { sql } from 'drizzle-orm';
import {
  check,
  customType,
  foreignKey,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { dossiers } from './dossiers.ts';
import { users } from './people.ts';
import { tenantIdColumn } from './tenants.ts';

/**
 * Running a collectivité: its logo, staff invitations, and the agents' own layer on a
 * dossier (private comments, follows). All tenant-owned, keyed by `tenant_id` first.
 */

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

export const LOGO_MEDIA_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;

/**
 * The tenant's logo, one per tenant, kept in the database: it is small (≤ 200 KB,
 * checked by content before it is stored) and shown on every citizen page, so it
 * travels with backups and every process serves it without a file store.
 */
export const tenantLogos = pgTable(
  'tenant_logos',
  {
    tenantId: tenantIdColumn().primaryKey(),
    mediaType: text('media_type', { enum: LOGO_MEDIA_TYPES }).notNull(),
    bytes: bytea('bytes').notNull(),
    sha256: text('sha256').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'tenant_logos_media_type',
      sql`${t.mediaType} in ('image/png', 'image/jpeg', 'image/webp')`,
    ),
    check('tenant_logos_size', sql`octet_length(${t.bytes}) between 1 and 204800`),
    check('tenant_logos_sha256', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
  ],
);

/** A role to grant on acceptance: the same shape as a `memberships` row. */
export interface InvitedAccess {
  role: 'admin' | 'agent' | 'supervisor';
  unitId: string | null;
}

/**
 * An invitation of a new staff member by e-mail. `token_hash` is the hex SHA-256 of the
 * token mailed to them: the token itself is never stored (the worker draws it when it
 * sends the mail), so neither a database leak nor the job table hands out accounts.
 * Single use (`accepted_at`), expiring (`expires_at`), revoked when a newer invitation
 * goes to the same address. Globally unique hash: acceptance carries only the token.
 */
export const staffInvitations = pgTable(
  'staff_invitations',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id').notNull().defaultRandom(),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    access: jsonb('access').$type<InvitedAccess[]>().notNull(),
    /** Null until the mail is sent. */
    tokenHash: text('token_hash'),
    invitedBy: uuid('invited_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    /** The account created on acceptance. */
    userId: uuid('user_id'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('staff_invitations_token_hash_key').on(t.tokenHash),
    index('staff_invitations_email_idx').on(t.tenantId, t.email),
    foreignKey({
      name: 'staff_invitations_invited_by_fk',
      columns: [t.tenantId, t.invitedBy],
      foreignColumns: [users.tenantId, users.id],
    }),
    foreignKey({
      name: 'staff_invitations_user_fk',
      columns: [t.tenantId, t.userId],
      foreignColumns: [users.tenantId, users.id],
    }),
    check('staff_invitations_email_lower', sql`${t.email} = lower(${t.email})`),
    check('staff_invitations_token_hash', sql`${t.tokenHash} ~ '^[0-9a-f]{64}$'`),
  ],
);

/**
 * A private comment of the staff on a dossier: never shown to its applicant, whatever
 * the procedure (docs/SECURITY.md §41). Immutable once written.
 */
export const dossierComments = pgTable(
  'dossier_comments',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id').notNull().defaultRandom(),
    dossierId: uuid('dossier_id').notNull(),
    authorId: uuid('author_id').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('dossier_comments_dossier_idx').on(t.tenantId, t.dossierId, t.createdAt, t.id),
    foreignKey({
      name: 'dossier_comments_dossier_fk',
      columns: [t.tenantId, t.dossierId],
      foreignColumns: [dossiers.tenantId, dossiers.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'dossier_comments_author_fk',
      columns: [t.tenantId, t.authorId],
      foreignColumns: [users.tenantId, users.id],
    }),
    check('dossier_comments_body_length', sql`char_length(${t.body}) between 1 and 5000`),
  ],
);

/** A dossier an agent follows: their « suivis » list. */
export const dossierFollows = pgTable(
  'dossier_follows',
  {
    tenantId: tenantIdColumn(),
    userId: uuid('user_id').notNull(),
    dossierId: uuid('dossier_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.userId, t.dossierId] }),
    index('dossier_follows_dossier_idx').on(t.tenantId, t.dossierId),
    foreignKey({
      name: 'dossier_follows_user_fk',
      columns: [t.tenantId, t.userId],
      foreignColumns: [users.tenantId, users.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'dossier_follows_dossier_fk',
      columns: [t.tenantId, t.dossierId],
      foreignColumns: [dossiers.tenantId, dossiers.id],
    }).onDelete('cascade'),
  ],
);
