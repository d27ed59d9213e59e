import type { PendingEffect } from '../../../shared/engine/index.ts';
import type { AppTransaction } from '../../db/index.ts';

/** What a transition hands to the job queue, inside its own transaction. */
export interface EnqueueRequest {
  tenantId: string;
  dossierId: string;
  /** Null only while a draft, and drafts have no effects to run yet. */
  reference: string | null;
  /** `seq` of the transition's event: with the effect's position, a stable effect key. */
  eventSeq: number;
  demarcheId: string;
  version: number;
  effects: PendingEffect[];
  input: Record<string, unknown>;
}

/**
 * The transactional outbox as a port: production passes the effects feature's
 * `enqueueEffects`, tests pass one that fails on purpose to prove the whole transaction
 * rolls back.
 */
export type EnqueueEffects = (tx: AppTransaction, request: EnqueueRequest) => Promise<unknown>;
