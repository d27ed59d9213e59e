import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  check,
  foreignKey,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * Organisation tables: the tenant (collectivité, organisation) and its tree of units.
 * `tenants` is one of the two tables without a `tenant_id` (with `rate_limits`): it is
 * the tenant. Every other table starts its key with `tenant_id` (docs/ARCHITECTURE.md, « Tenancy and scale »), built by
 * `tenantIdColumn` so the foreign key to `tenants` is never forgotten.
 */

/** Theme shown in the front office: free-form so designers can grow it without a migration. */
export interface TenantTheme {
  logoUrl?: string;
  /** `#rrggbb`, readable under white text (contrast ≥ 4.5:1, checked on write). */
  primaryColor?: string;
  /** `#rrggbb`, same rule. */
  accentColor?: string;
  [key: string]: unknown;
}

/** How citizens reach the collectivité, shown in the front office. */
export interface TenantContact {
  email?: string;
  phone?: string;
  address?: string;
  website?: string;
  openingHours?: string;
}

export const tenants = pgTable(
  'tenants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull().unique('tenants_slug_key'),
    name: text('name').notNull(),
    theme: jsonb('theme').$type<TenantTheme>().notNull().default({}),
    contact: jsonb('contact').$type<TenantContact>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // Slugs appear in URLs and host names.
  (t) => [check('tenants_slug_format', sql`${t.slug} ~ '^[a-z0-9][a-z0-9-]*$'`)],
);

/**
 * The `tenant_id` column of a tenant-owned table, referencing `tenants`.
 *
 * @example
 * pgTable('things', { tenantId: tenantIdColumn(), id: uuid('id').notNull() }, ...)
 */
export function tenantIdColumn() {
  return uuid('tenant_id')
    .notNull()
    .references((): AnyPgColumn => tenants.id);
}

/**
 * The host names a collectivité's apps answer on (`mairie-exemple.guichet.fr`): the
 * server resolves a request's Host to its tenant before any session exists, so a host
 * is unique across tenants (`tenant_hosts_host_key`, one of the indexes not led by
 * `tenant_id`, like the session token's). Lower case, no port, no trailing dot.
 */
export const tenantHosts = pgTable(
  'tenant_hosts',
  {
    tenantId: tenantIdColumn(),
    host: text('host').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.host] }),
    uniqueIndex('tenant_hosts_host_key').on(t.host),
    check(
      'tenant_hosts_host_format',
      sql`${t.host} ~ '^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$' and length(${t.host}) <= 253`,
    ),
  ],
);

/**
 * A node of the tenant's organisation tree (confederation → regional union → local
 * union; département → service → team). Routing rules and workflow owners name units
 * by `code`, so the code is unique per tenant and other tables may reference it.
 */
export const units = pgTable(
  'units',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id').notNull().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    parentId: uuid('parent_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * Set when an admin archives the unit: it stays (dossiers, memberships and routing
     * rules still name its code) but no longer takes new sub-units.
     */
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('units_tenant_code_key').on(t.tenantId, t.code),
    // Composite so a parent can only be a unit of the same tenant.
    foreignKey({
      name: 'units_parent_fk',
      columns: [t.tenantId, t.parentId],
      foreignColumns: [t.tenantId, t.id],
    }),
  ],
);
