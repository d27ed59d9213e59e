import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenantIdColumn, units } from './tenants.ts';

/** People: accounts (citizens and staff) and staff roles per tenant and unit. */

export const USER_KINDS = ['citizen', 'staff'] as const;
export const STAFF_ROLES = ['admin', 'agent', 'supervisor'] as const;

/**
 * An account of one tenant. The same person in two tenants has two accounts: nothing
 * about a citizen crosses tenants. `email` is stored lower-cased (a check enforces it)
 * so the unique key is case-insensitive without citext.
 */
export const users = pgTable(
  'users',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id').notNull().defaultRandom(),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    /** argon2id PHC string; null for accounts that only sign in through OIDC. */
    passwordHash: text('password_hash'),
    kind: text('kind', { enum: USER_KINDS }).notNull(),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    /**
     * When the owner proved the address by the link mailed at sign-up. Sign-up writes
     * null; every other way an account is made counts as confirmed (a staff invitation
     * was itself a mailed link; seeds and the demo are ours), hence the default.
     */
    emailConfirmedAt: timestamp('email_confirmed_at', { withTimezone: true }).defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('users_tenant_email_key').on(t.tenantId, t.email),
    check('users_email_lower', sql`${t.email} = lower(${t.email})`),
    check('users_kind', sql`${t.kind} in ('citizen', 'staff')`),
  ],
);

/**
 * A staff role, optionally limited to one unit (null: the whole tenant). One row per
 * (user, role, unit); NULLS NOT DISTINCT makes "admin of the whole tenant" unique too.
 */
export const memberships = pgTable(
  'memberships',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id').notNull().defaultRandom(),
    userId: uuid('user_id').notNull(),
    role: text('role', { enum: STAFF_ROLES }).notNull(),
    unitId: uuid('unit_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('memberships_tenant_user_role_unit_key')
      .on(t.tenantId, t.userId, t.role, t.unitId)
      .nullsNotDistinct(),
    foreignKey({
      name: 'memberships_user_fk',
      columns: [t.tenantId, t.userId],
      foreignColumns: [users.tenantId, users.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'memberships_unit_fk',
      columns: [t.tenantId, t.unitId],
      foreignColumns: [units.tenantId, units.id],
    }).onDelete('cascade'),
    check('memberships_role', sql`${t.role} in ('admin', 'agent', 'supervisor')`),
  ],
);

export const ACCOUNT_TOKEN_PURPOSES = ['confirm_email', 'reset_password'] as const;
export type AccountTokenPurpose = (typeof ACCOUNT_TOKEN_PURPOSES)[number];

/**
 * A link mailed to an account's owner: the sign-up confirmation or a password reset
 * (docs/SECURITY.md §50–§51). As for staff invitations, `token_hash` is the hex SHA-256
 * of the token in the mail, written by the worker when it sends it, so neither a
 * database leak nor the job table hands out a link. Single use (`used_at`), expiring
 * (`expires_at`), revoked when a newer link of the same purpose is asked for.
 */
export const accountTokens = pgTable(
  'account_tokens',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id').notNull().defaultRandom(),
    userId: uuid('user_id').notNull(),
    purpose: text('purpose', { enum: ACCOUNT_TOKEN_PURPOSES }).notNull(),
    /** Null until the mail is sent. */
    tokenHash: text('token_hash'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    usedAt: timestamp('used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('account_tokens_token_hash_key').on(t.tokenHash),
    index('account_tokens_user_idx').on(t.tenantId, t.userId, t.purpose),
    foreignKey({
      name: 'account_tokens_user_fk',
      columns: [t.tenantId, t.userId],
      foreignColumns: [users.tenantId, users.id],
    }).onDelete('cascade'),
    check('account_tokens_purpose', sql`${t.purpose} in ('confirm_email', 'reset_password')`),
    check('account_tokens_token_hash', sql`${t.tokenHash} ~ '^[0-9a-f]{64}$'`),
  ],
);
