import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { dossiers } from './dossiers.ts';
import { SCAN_STATUSES } from './exchanges.ts';
import { users } from './people.ts';
import { tenantIdColumn } from './tenants.ts';

/**
 * What a citizen has beside their dossiers: the access of a visitor without an account
 * to the one dossier they filed, and the documents an account keeps to reuse.
 */

/**
 * A dossier filed without an account (`access.anonymous` démarches). Its applicant is a
 * placeholder account made for it alone (no password, an `.invalid` address, shown to
 * agents as « Déposé sans compte »), so every rule that speaks of « the applicant »
 * applies unchanged.
 *
 * - `pass_hash`: the hex SHA-256 of the httpOnly cookie that holds the draft (or, after
 *   a tracking code was typed, the dossier being followed); the token is never stored.
 *   One pass at a time: a new one replaces it.
 * - `code_hash`: the hex SHA-256 of the tracking code given once after submission (the
 *   code has 160 random bits: a fast hash is enough). A new code replaces it.
 * - `mailed_code_hash`: the same for the code mailed once after submission to the address
 *   the form gave (drawn by the worker as it sends the mail), kept apart so the code shown
 *   on screen and the mailed one do not replace each other.
 * The three hashes are globally unique (the cookie and the code carry no tenant), like sessions.
 */
export const anonymousDossiers = pgTable(
  'anonymous_dossiers',
  {
    tenantId: tenantIdColumn(),
    dossierId: uuid('dossier_id').notNull(),
    applicantId: uuid('applicant_id').notNull(),
    passHash: text('pass_hash'),
    passExpiresAt: timestamp('pass_expires_at', { withTimezone: true }),
    codeHash: text('code_hash'),
    codeIssuedAt: timestamp('code_issued_at', { withTimezone: true }),
    mailedCodeHash: text('mailed_code_hash'),
    codeMailedAt: timestamp('code_mailed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.dossierId] }),
    unique('anonymous_dossiers_pass_hash_key').on(t.passHash),
    unique('anonymous_dossiers_code_hash_key').on(t.codeHash),
    unique('anonymous_dossiers_mailed_code_hash_key').on(t.mailedCodeHash),
    foreignKey({
      name: 'anonymous_dossiers_dossier_fk',
      columns: [t.tenantId, t.dossierId],
      foreignColumns: [dossiers.tenantId, dossiers.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'anonymous_dossiers_applicant_fk',
      columns: [t.tenantId, t.applicantId],
      foreignColumns: [users.tenantId, users.id],
    }),
    check('anonymous_dossiers_pass_hash', sql`${t.passHash} ~ '^[0-9a-f]{64}$'`),
    check('anonymous_dossiers_code_hash', sql`${t.codeHash} ~ '^[0-9a-f]{64}$'`),
    check('anonymous_dossiers_mailed_code_hash', sql`${t.mailedCodeHash} ~ '^[0-9a-f]{64}$'`),
  ],
);

/**
 * A document of a citizen's safe (« Mes documents »): a file checked by content like an
 * upload (type, size, markup, virus scan), stored by content hash beside attachments,
 * kept to be attached again to the file field of another dossier. Its owner alone sees
 * it; deleting the row leaves the copies already attached to dossiers.
 */
export const citizenDocuments = pgTable(
  'citizen_documents',
  {
    tenantId: tenantIdColumn(),
    id: uuid('id').notNull().defaultRandom(),
    ownerId: uuid('owner_id').notNull(),
    label: text('label').notNull(),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    scanStatus: text('scan_status', { enum: SCAN_STATUSES }).notNull(),
    /** Until when the document proves something (an identity card's end date); optional. */
    validUntil: date('valid_until'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('citizen_documents_owner_idx').on(t.tenantId, t.ownerId, t.createdAt),
    foreignKey({
      name: 'citizen_documents_owner_fk',
      columns: [t.tenantId, t.ownerId],
      foreignColumns: [users.tenantId, users.id],
    }).onDelete('cascade'),
    check('citizen_documents_label_length', sql`char_length(${t.label}) between 1 and 120`),
    check('citizen_documents_size', sql`${t.sizeBytes} >= 0`),
    check('citizen_documents_sha256', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    check(
      'citizen_documents_scan_status',
      sql`${t.scanStatus} in ('pending', 'clean', 'infected', 'not_scanned')`,
    ),
  ],
);
