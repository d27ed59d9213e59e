import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './people.ts';
import { tenantIdColumn } from './tenants.ts';

/**
 * An agent's saved queue view: a name and the queue's filters as the agent app keeps
 * them in its address (`?etat=depose&seulement=mine`). Personal: one agent's views are
 * never listed to another, and a name is unique per agent.
 */
export const savedViews = pgTable(
  'saved_views',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id').notNull().defaultRandom(),
    userId: uuid('user_id').notNull(),
    name: text('name').notNull(),
    search: text('search').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('saved_views_name_unique').on(t.tenantId, t.userId, t.name),
    foreignKey({
      name: 'saved_views_user_fk',
      columns: [t.tenantId, t.userId],
      foreignColumns: [users.tenantId, users.id],
    }).onDelete('cascade'),
    check('saved_views_name_length', sql`char_length(${t.name}) between 1 and 60`),
    check('saved_views_search_length', sql`char_length(${t.search}) <= 2000`),
  ],
);
