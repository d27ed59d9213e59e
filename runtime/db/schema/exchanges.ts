import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { dossiers } from './dossiers.ts';
import { users } from './people.ts';
import { tenantIdColumn, units } from './tenants.ts';

/**
 * What hangs off a dossier: messages, uploaded files, tasks. All cascade with the
 * dossier so a retention purge is one DELETE (files in storage are removed by the
 * purge job itself).
 */

export const MESSAGE_AUTHOR_ROLES = ['applicant', 'agent', 'system'] as const;

export const messages = pgTable(
  'messages',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id').notNull().defaultRandom(),
    dossierId: uuid('dossier_id').notNull(),
    /** Null for messages the system sends. */
    authorId: uuid('author_id'),
    authorRole: text('author_role', { enum: MESSAGE_AUTHOR_ROLES }).notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('messages_dossier_idx').on(t.tenantId, t.dossierId, t.createdAt, t.id),
    foreignKey({
      name: 'messages_dossier_fk',
      columns: [t.tenantId, t.dossierId],
      foreignColumns: [dossiers.tenantId, dossiers.id],
    }).onDelete('cascade'),
    check('messages_author_role', sql`${t.authorRole} in ('applicant', 'agent', 'system')`),
  ],
);

/** `not_scanned`: no scanner configured. A scanner error leaves `pending` (docs/SECURITY.md §16). */
export const SCAN_STATUSES = ['pending', 'clean', 'infected', 'not_scanned'] as const;
export type ScanStatus = (typeof SCAN_STATUSES)[number];

/**
 * An uploaded file, attached to a form field (`field`) or to a message. Stored by
 * content hash (`storage_key`); `media_type` is what the content was detected as,
 * never what the name or the browser claimed.
 */
export const attachments = pgTable(
  'attachments',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id').notNull().defaultRandom(),
    dossierId: uuid('dossier_id').notNull(),
    field: text('field'),
    messageId: uuid('message_id'),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedBy: uuid('uploaded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    scanStatus: text('scan_status', { enum: SCAN_STATUSES }).notNull().default('pending'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('attachments_dossier_idx').on(t.tenantId, t.dossierId, t.field),
    index('attachments_sha256_idx').on(t.tenantId, t.sha256),
    index('attachments_pending_scan_idx')
      .on(t.tenantId, t.createdAt)
      .where(sql`${t.scanStatus} = 'pending'`),
    foreignKey({
      name: 'attachments_dossier_fk',
      columns: [t.tenantId, t.dossierId],
      foreignColumns: [dossiers.tenantId, dossiers.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'attachments_message_fk',
      columns: [t.tenantId, t.messageId],
      foreignColumns: [messages.tenantId, messages.id],
    }).onDelete('cascade'),
    check('attachments_size', sql`${t.sizeBytes} >= 0`),
    check('attachments_sha256', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    // The path of the file field it was uploaded for: names, and list indexes inside
    // repeated groups (`enfants/0/certificat`), as the upload route accepts them.
    check(
      'attachments_field_path',
      sql`${t.field} ~ '^[A-Za-z_][A-Za-z0-9_-]{0,99}(/([A-Za-z_][A-Za-z0-9_-]{0,99}|0|[1-9][0-9]{0,5})){0,9}$'`,
    ),
    check(
      'attachments_scan_status',
      sql`${t.scanStatus} in ('pending', 'clean', 'infected', 'not_scanned')`,
    ),
  ],
);

export const TASK_STATES = ['open', 'done', 'cancelled'] as const;

/**
 * What an agent or a unit must do now, exposed through the API so other applications
 * can merge it into their own task lists. Like dossiers, it names its unit by code.
 */
export const tasks = pgTable(
  'tasks',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id').notNull().defaultRandom(),
    dossierId: uuid('dossier_id').notNull(),
    unitCode: text('unit_code'),
    assigneeId: uuid('assignee_id'),
    state: text('state', { enum: TASK_STATES }).notNull().default('open'),
    title: text('title').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }),
    doneAt: timestamp('done_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('tasks_dossier_idx').on(t.tenantId, t.dossierId),
    index('tasks_unit_idx').on(t.tenantId, t.unitCode, t.state, t.dueAt, t.id),
    index('tasks_assignee_idx')
      .on(t.tenantId, t.assigneeId, t.state, t.dueAt, t.id)
      .where(sql`${t.assigneeId} is not null`),
    foreignKey({
      name: 'tasks_dossier_fk',
      columns: [t.tenantId, t.dossierId],
      foreignColumns: [dossiers.tenantId, dossiers.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'tasks_unit_fk',
      columns: [t.tenantId, t.unitCode],
      foreignColumns: [units.tenantId, units.code],
    }).onUpdate('cascade'),
    foreignKey({
      name: 'tasks_assignee_fk',
      columns: [t.tenantId, t.assigneeId],
      foreignColumns: [users.tenantId, users.id],
    }),
    check('tasks_state', sql`${t.state} in ('open', 'done', 'cancelled')`),
  ],
);
