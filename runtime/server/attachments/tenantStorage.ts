import { eq, sql } from 'drizzle-orm';
import { type AppDatabase, attachments } from '../../db/index.ts';
import type { DomainError } from '../core/domainError.ts';

/**
 * Bytes of every attachment `tenantId` holds. Summed from the attachments table rather
 * than kept in a counter, so it cannot drift from the files; the filter rides the
 * primary key `(tenant_id, id)`, so it reads that tenant's rows only.
 *
 * @example
 * if ((await tenantStoredBytes(db, tenantId)) + size > cap) return err(storageFull(cap));
 */
export async function tenantStoredBytes(db: AppDatabase, tenantId: string): Promise<number> {
  const [row] = await db
    .select({ total: sql<string>`coalesce(sum(${attachments.sizeBytes}), 0)` })
    .from(attachments)
    .where(eq(attachments.tenantId, tenantId));
  return Number(row?.total ?? 0);
}

/**
 * The refusal of an upload that would pass the tenant's cap: `STORAGE_FULL`, answered
 * 507 (Insufficient Storage) on the file route.
 */
export function storageFull(capBytes: number): DomainError {
  const gigabytes = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(
    capBytes / 1024 ** 3,
  );
  return {
    code: 'STORAGE_FULL',
    message: `L’espace de stockage des pièces jointes de cet organisme est plein (${gigabytes} Go). Contactez l’administration.`,
    details: { capBytes },
  };
}
