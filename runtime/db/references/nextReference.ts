import { sql } from 'drizzle-orm';
import { referenceCounters } from '../schema/dossiers.ts';
import type { AppDatabase } from '../types.ts';

export interface NextReferenceInput {
  tenantId: string;
  /** Upper-case letters, from the definition's `meta.referencePrefix`. */
  prefix: string;
  year: number;
}

/**
 * Hands out the next human reference, `APA-2026-000123`, inside the caller's
 * transaction. The counter row stays locked until commit, so concurrent submits of one
 * prefix queue here: call it last in the submit transaction to hold the lock briefly.
 * A rolled-back transaction gives its number back; nothing else leaves a gap.
 *
 * @example
 * await db.transaction(async (tx) => {
 *   const reference = await nextReference(tx, { tenantId, prefix: 'APA', year: 2026 });
 * });
 */
export async function nextReference(db: AppDatabase, input: NextReferenceInput): Promise<string> {
  if (!/^[A-Z]{1,10}$/.test(input.prefix)) {
    throw new Error(`guichet: invalid reference prefix ${JSON.stringify(input.prefix)}`);
  }
  const [row] = await db
    .insert(referenceCounters)
    .values({ tenantId: input.tenantId, prefix: input.prefix, year: input.year, lastValue: 1 })
    .onConflictDoUpdate({
      target: [referenceCounters.tenantId, referenceCounters.prefix, referenceCounters.year],
      set: { lastValue: sql`${referenceCounters.lastValue} + 1` },
    })
    .returning({ value: referenceCounters.lastValue });
  if (!row) throw new Error('guichet: reference counter upsert returned nothing');
  return `${input.prefix}-${input.year}-${String(row.value).padStart(6, '0')}`;
}
