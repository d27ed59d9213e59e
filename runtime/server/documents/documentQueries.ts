import { and, desc, eq, sql } from 'drizzle-orm';
import { type AppDatabase, citizenDocuments } from '../../db/index.ts';

/** SQL of the document safe: every query is confined to one tenant and one owner. */

export interface Owner {
  tenantId: string;
  userId: string;
}

function owned(owner: Owner) {
  return and(
    eq(citizenDocuments.tenantId, owner.tenantId),
    eq(citizenDocuments.ownerId, owner.userId),
  );
}

export function ownDocuments(db: AppDatabase, owner: Owner) {
  return db
    .select()
    .from(citizenDocuments)
    .where(owned(owner))
    .orderBy(desc(citizenDocuments.createdAt), desc(citizenDocuments.id));
}

export async function ownDocument(db: AppDatabase, owner: Owner, id: string) {
  const [row] = await db
    .select()
    .from(citizenDocuments)
    .where(and(owned(owner), eq(citizenDocuments.id, id)));
  return row ?? null;
}

export async function deleteOwnDocument(db: AppDatabase, owner: Owner, id: string) {
  const deleted = await db
    .delete(citizenDocuments)
    .where(and(owned(owner), eq(citizenDocuments.id, id)))
    .returning({ id: citizenDocuments.id });
  return deleted.length > 0;
}

/** Bytes of the tenant's safes together: they count toward its storage cap with attachments. */
export async function tenantSafeBytes(db: AppDatabase, tenantId: string): Promise<number> {
  const [row] = await db
    .select({ total: sql<string>`coalesce(sum(${citizenDocuments.sizeBytes}), 0)` })
    .from(citizenDocuments)
    .where(eq(citizenDocuments.tenantId, tenantId));
  return Number(row?.total ?? 0);
}
