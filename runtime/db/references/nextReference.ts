import { sqlExecutorFor } from '../driver/sqlExecutorFor.ts';
import type { AppDatabase } from '../types.ts';

export interface NextReferenceInput {
  tenantId: string;
  /** Upper-case letters, from the definition's `meta.referencePrefix`. */
  prefix: string;
  year: number;
}

/**
 * Hands out the next human reference, `APA-2026-000123`: unique per tenant, prefix and
 * year, and increasing, but NOT gapless — a rolled-back submit loses its number
 * (accepted: démarches-simplifiées itself numbers dossiers by database id).
 *
 * Each (tenant, prefix, year) has a PostgreSQL sequence, `reference_sequences.t<tenant
 * hex>_<prefix>_<year>`, created on first use by the `guichet_next_reference` function
 * (migration 0002): `nextval` takes no lock that lasts until commit, so concurrent
 * submits of a tenant do not queue here, whereas a counter row would stay locked until
 * each submit commits. One statement on the caller's connection (PGlite has only one), in
 * or out of a transaction. A statement that needs the number with other values calls
 * `guichet_next_reference` itself and formats it with `formatReference`.
 *
 * @example
 * await db.transaction(async (tx) => {
 *   const reference = await nextReference(tx, { tenantId, prefix: 'APA', year: 2026 });
 * });
 */
export async function nextReference(db: AppDatabase, input: NextReferenceInput): Promise<string> {
  checkReferenceInput(input);
  const { rows } = await sqlExecutorFor(db)(
    'select guichet_next_reference($1::uuid, $2::text, $3::int)::text as value',
    [input.tenantId, input.prefix, input.year],
  );
  return formatReference(input, (rows[0] as { value?: unknown } | undefined)?.value);
}

/** Throws on a prefix or year the sequence naming cannot take (the SQL checks it too). */
export function checkReferenceInput(input: NextReferenceInput): void {
  if (!/^[A-Z]{1,10}$/.test(input.prefix)) {
    throw new Error(`guichet: invalid reference prefix ${JSON.stringify(input.prefix)}`);
  }
  if (!Number.isInteger(input.year) || input.year < 1 || input.year > 9999) {
    throw new Error(`guichet: invalid reference year ${input.year}`);
  }
}

/**
 * `APA-2026-000123` from the number `guichet_next_reference` gave, read as text.
 *
 * @example
 * formatReference({ prefix: 'APA', year: 2026 }, '123'); // 'APA-2026-000123'
 */
export function formatReference(
  input: Pick<NextReferenceInput, 'prefix' | 'year'>,
  number: unknown,
): string {
  if (typeof number !== 'string') throw new Error('guichet: reference sequence returned nothing');
  return `${input.prefix}-${input.year}-${number.padStart(6, '0')}`;
}
