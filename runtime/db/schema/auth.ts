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
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './people.ts';
import { tenantIdColumn } from './tenants.ts';

/**
 * Sessions and rate-limit counters live in PostgreSQL, not in process memory, so any
 * runtime process can serve any request (docs/ARCHITECTURE.md, « Tenancy and scale »).
 */

/**
 * A login session. `id` is the hex SHA-256 of the cookie token: the token itself is
 * never stored, so a database leak does not hand out live sessions.
 *
 * Exception to "tenant_id leads the key": a request carries only the cookie, and the
 * token hash (256 random bits) is globally unique, so the key is `id` alone. Every
 * other lookup (revoke a user's sessions) goes through `(tenant_id, user_id)`.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    tenantId: tenantIdColumn(),
    userId: uuid('user_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    /** Absolute end (e.g. 12 h for staff). */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** Idle timeout in seconds (e.g. 1800 for staff); null: none. */
    idleTimeoutS: integer('idle_timeout_s'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    index('sessions_tenant_user_idx').on(t.tenantId, t.userId),
    index('sessions_tenant_expires_idx').on(t.tenantId, t.expiresAt),
    foreignKey({
      name: 'sessions_user_fk',
      columns: [t.tenantId, t.userId],
      foreignColumns: [users.tenantId, users.id],
    }).onDelete('cascade'),
    check('sessions_id_is_sha256', sql`${t.id} ~ '^[0-9a-f]{64}$'`),
  ],
);

/**
 * Fixed-window counters: `key` names what is limited (e.g. `login:ip:203.0.113.7` or
 * `login:tenant:<uuid>:ip:…`), `window_start` the window. One upsert per hit:
 * `insert … on conflict (key, window_start) do update set count = count + 1 returning count`.
 * Not tenant-owned: an address can hammer several tenants.
 */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.key, t.windowStart] }),
    // For the purge of old windows.
    index('rate_limits_window_idx').on(t.windowStart),
  ],
);
