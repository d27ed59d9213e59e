import { type AppDatabase, sealAuditLog } from '../../db/index.ts';
import { repeatUntilIdle } from '../core/repeatUntilIdle.ts';
import type { EffectLog } from './effectDeps.ts';

const BATCH = 10_000;

/**
 * Chains the audit rows written since its last turn (`sealAuditLog`: the per-tenant hash
 * chain of docs/SECURITY.md §20), then sleeps `intervalMs`, until `idle` aborts. A full batch
 * means more are waiting: it goes on at once. Any worker may run it; concurrent sealers
 * neither fork a chain nor wait long (the database claims rows with SKIP LOCKED).
 *
 * @example
 * const idle = new AbortController();
 * const sealing = sealAuditLoop({ db: database.db, intervalMs: 5_000, idle: idle.signal, log });
 * idle.abort(); await sealing;
 */
export function sealAuditLoop(options: {
  db: AppDatabase;
  intervalMs: number;
  idle: AbortSignal;
  log: EffectLog;
}): Promise<void> {
  const { idle } = options;
  return repeatUntilIdle({
    turn: async () => {
      while ((await sealAuditLog(options.db, BATCH)) === BATCH && !idle.aborted) {}
    },
    intervalMs: options.intervalMs,
    idle,
    log: options.log,
    kind: 'audit-seal',
  });
}
