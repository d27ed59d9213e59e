import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { err, ok, type Result } from '../../../shared/result.ts';
import type { AppTransaction } from '../../db/index.ts';
import {
  fixedStatement,
  idempotencyKeys,
  placeholderFor,
  statementBuilder,
} from '../../db/index.ts';
import type { DomainError } from '../core/domainError.ts';

export interface IdempotencyClaim {
  tenantId: string;
  /** Who sent the key (`user:<uuid>`): one caller never replays another's answer. */
  scope: string;
  key: string;
  /** `requestHash` of the operation and its body. */
  requestHash: string;
}

/** `claimed`: go on, this request is the first; `replay`: answer this stored response. */
export type ClaimOutcome = { kind: 'claimed' } | { kind: 'replay'; response: unknown };

/**
 * Claims an idempotency key inside the request's transaction (docs/SECURITY.md §18). The row is
 * inserted first; a concurrent request with the same key blocks on it in the unique index
 * until the first one commits (then it finds the stored answer) or rolls back (then it
 * claims the key itself). Same key, other body → IDEMPOTENCY_MISMATCH.
 *
 * @example
 * const claim = await claimIdempotencyKey(tx, { tenantId, scope, key, requestHash });
 * if (claim.ok && claim.value.kind === 'replay') return ok(claim.value.response);
 */
export async function claimIdempotencyKey(
  tx: AppTransaction,
  claim: IdempotencyClaim,
): Promise<Result<ClaimOutcome, DomainError>> {
  const inserted = await insertClaim.run(tx, claim);
  if (inserted.length > 0) return ok({ kind: 'claimed' });
  const [existing] = await tx.select().from(idempotencyKeys).where(sameKey(claim));
  if (existing === undefined) throw new Error('guichet: idempotency key vanished after a conflict');
  if (existing.requestHash !== claim.requestHash) {
    return err({
      code: 'IDEMPOTENCY_MISMATCH',
      message:
        'Cette clé d’idempotence a déjà servi pour une autre requête. Utilisez une nouvelle clé.',
    });
  }
  // The answer is written in the same transaction as the claim, so a committed row
  // always has one; null would mean a writer outside this module.
  if (existing.response === null) {
    return err({ code: 'CONFLICT', message: 'Cette requête est déjà en cours de traitement.' });
  }
  return ok({ kind: 'replay', response: existing.response });
}

/**
 * Stores the answer under the claimed key, in the same transaction as the change.
 *
 * @example
 * await completeIdempotencyKey(tx, claim, result, now);
 */
export async function completeIdempotencyKey(
  tx: AppTransaction,
  claim: IdempotencyClaim,
  response: unknown,
  now: Date,
): Promise<void> {
  await storeResponse.run(tx, { ...claim, response, completedAt: now });
}

/**
 * SHA-256 of the operation name and its body with keys sorted, so the same request
 * always hashes the same whatever the client's key order.
 *
 * @example
 * requestHash('dossiers.submit', { id, transition: 'deposer', revision: 3 });
 */
export function requestHash(operation: string, body: Record<string, unknown>): string {
  return createHash('sha256')
    .update(canonicalJson([operation, body]))
    .digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

// The claim and the answer go out on every submit: built once (`fixedStatement`).
const p = sql.placeholder;

const insertClaim = fixedStatement<IdempotencyClaim, { key: string }>(
  statementBuilder
    .insert(idempotencyKeys)
    .values({
      tenantId: p('tenantId'),
      scope: p('scope'),
      key: p('key'),
      requestHash: p('requestHash'),
    })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key }),
  { key: idempotencyKeys.key },
);

const storeResponse = fixedStatement<IdempotencyClaim & { response: unknown; completedAt: Date }>(
  statementBuilder
    .update(idempotencyKeys)
    .set({
      response: placeholderFor(idempotencyKeys.response, 'response'),
      completedAt: placeholderFor(idempotencyKeys.completedAt, 'completedAt'),
    })
    .where(
      and(
        eq(idempotencyKeys.tenantId, p('tenantId')),
        eq(idempotencyKeys.scope, p('scope')),
        eq(idempotencyKeys.key, p('key')),
      ),
    ),
);

function sameKey(claim: IdempotencyClaim) {
  return and(
    eq(idempotencyKeys.tenantId, claim.tenantId),
    eq(idempotencyKeys.scope, claim.scope),
    eq(idempotencyKeys.key, claim.key),
  );
}
