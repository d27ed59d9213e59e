import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenantIdColumn, units } from './tenants.ts';

/**
 * A stored definition document. Typed loosely on purpose: it may be in an older
 * format version, so readers pass it through `migrateDefinition` before trusting it.
 */
export type StoredDefinition = Record<string, unknown>;

/**
 * A démarche: its editable draft plus an ordered list of immutable published versions.
 * `draft_revision` is the optimistic-concurrency counter of the designer's autosave.
 */
export const demarches = pgTable(
  'demarches',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id').notNull().defaultRandom(),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    ownerUnitId: uuid('owner_unit_id'),
    draft: jsonb('draft').$type<StoredDefinition>().notNull(),
    draftRevision: integer('draft_revision').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('demarches_tenant_slug_key').on(t.tenantId, t.slug),
    foreignKey({
      name: 'demarches_owner_unit_fk',
      columns: [t.tenantId, t.ownerUnitId],
      foreignColumns: [units.tenantId, units.id],
    }),
    check('demarches_slug_format', sql`${t.slug} ~ '^[a-z0-9][a-z0-9-]*$'`),
  ],
);

/**
 * A published version. Immutable: a trigger refuses UPDATE (migration 0001); dossiers
 * reference their version, so a version in use cannot be deleted either.
 */
export const demarcheVersions = pgTable(
  'demarche_versions',
  {
    tenantId: tenantIdColumn(),
    demarcheId: uuid('demarche_id').notNull(),
    version: integer('version').notNull(),
    definition: jsonb('definition').$type<StoredDefinition>().notNull(),
    /**
     * `meta.referencePrefix` of the definition, kept beside it so a submit can draw its
     * reference number in the same round trip as the row lock, before it has read the
     * definition (`drawDraftReference`), without detoasting the whole document. A format
     * that moves the prefix must change this expression in the migration that brings it.
     */
    referencePrefix: text('reference_prefix').generatedAlwaysAs(
      sql`definition -> 'meta' ->> 'referencePrefix'`,
    ),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
    publishedBy: uuid('published_by'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.demarcheId, t.version] }),
    foreignKey({
      name: 'demarche_versions_demarche_fk',
      columns: [t.tenantId, t.demarcheId],
      foreignColumns: [demarches.tenantId, demarches.id],
    }),
    check('demarche_versions_positive', sql`${t.version} > 0`),
  ],
);
