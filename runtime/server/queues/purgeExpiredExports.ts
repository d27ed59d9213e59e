import { rm } from 'node:fs/promises';
import { and, eq, lte } from 'drizzle-orm';
import { type AppDatabase, attachments, citizenDocuments, exportJobs } from '../../db/index.ts';

/**
 * Deletes the durable exports past `expires_at` (`EXPORT_LIFETIME_DAYS` after they were
 * asked for), across tenants, then their files — unless the same bytes are still another
 * row's (the store is content-addressed: an identical export, an attachment, a document of
 * a citizen's safe). The worker runs it every hour; a file whose row is gone is never
 * served again, so a crash between the two steps only leaves bytes for the next run... or
 * for good, which wastes space but leaks nothing.
 *
 * @example
 * const purged = await purgeExpiredExports(db, new Date(), (key) => storedPath(root, key));
 */
export async function purgeExpiredExports(
  db: AppDatabase,
  now: Date,
  pathOf: (storageKey: string) => string,
): Promise<number> {
  const gone = await db
    .delete(exportJobs)
    .where(lte(exportJobs.expiresAt, now))
    .returning({ storageKey: exportJobs.storageKey });
  for (const { storageKey } of gone) {
    if (storageKey === null || (await stillUsed(db, storageKey))) continue;
    await rm(pathOf(storageKey), { force: true });
  }
  return gone.length;
}

async function stillUsed(db: AppDatabase, storageKey: string): Promise<boolean> {
  const [byExport, byAttachment, byDocument] = await Promise.all([
    db
      .select({ one: exportJobs.id })
      .from(exportJobs)
      .where(eq(exportJobs.storageKey, storageKey))
      .limit(1),
    db
      .select({ one: attachments.id })
      .from(attachments)
      .where(eq(attachments.storageKey, storageKey))
      .limit(1),
    db
      .select({ one: citizenDocuments.id })
      .from(citizenDocuments)
      .where(and(eq(citizenDocuments.storageKey, storageKey)))
      .limit(1),
  ]);
  return byExport.length + byAttachment.length + byDocument.length > 0;
}
