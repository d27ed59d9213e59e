import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenantIdColumn } from './tenants.ts';

/**
 * A tenant's reference tables (communes, streets, schools, sectors), imported from CSV by
 * an admin and named by a démarche's `table` data sources. A re-import replaces the rows
 * in one transaction: readers see the old list or the new one, never half of each.
 */
export const referenceTables = pgTable(
  'reference_tables',
  {
    tenantId: tenantIdColumn(),
    /** What a definition's `dataSources[].table` names: `communes`. */
    code: text('code').notNull(),
    label: text('label').notNull(),
    /** The CSV's columns beyond `code` and `libelle`, in file order. */
    extraColumns: jsonb('extra_columns').$type<string[]>().notNull().default([]),
    rowCount: integer('row_count').notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull(),
    importedBy: uuid('imported_by').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.code] }),
    check('reference_tables_code_format', sql`${t.code} ~ '^[a-z][a-z0-9_-]{0,63}$'`),
  ],
);

/**
 * One entry of a reference table. `search_key` is the label (then the code) lower-cased,
 * without accents or punctuation (`saint etienne 42218`), so « St-Étienne » typed as
 * `saint-eti` finds it on both drivers without pg_trgm (absent from PGlite): a btree with
 * `text_pattern_ops` serves the prefix search, and a bounded scan of one table's keys
 * serves « contains ».
 */
export const referenceRows = pgTable(
  'reference_rows',
  {
    tenantId: tenantIdColumn(),
    tableCode: text('table_code').notNull(),
    code: text('code').notNull(),
    label: text('label').notNull(),
    searchKey: text('search_key').notNull(),
    extra: jsonb('extra').$type<Record<string, string>>().notNull().default({}),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.tableCode, t.code] }),
    foreignKey({
      name: 'reference_rows_table_fk',
      columns: [t.tenantId, t.tableCode],
      foreignColumns: [referenceTables.tenantId, referenceTables.code],
    }).onDelete('cascade'),
    // Also gives the order (`search_key USING ~<~`, then `code`), so the first 20 of
    // 10,000 « saint… » are read off the index without sorting them all.
    index('reference_rows_search_idx').on(
      t.tenantId,
      t.tableCode,
      t.searchKey.op('text_pattern_ops'),
      t.code,
    ),
  ],
);
