import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { type AppDatabase, bulkJobItems, bulkJobs, sqlExecutorFor } from '../../db/index.ts';
import { tenantScope } from '../../db/tenancy/tenantScope.ts';
import type { UnitCatalog } from '../core/deps.ts';
import type { EnqueueEffects } from '../core/enqueuePort.ts';
import { loadStaffActor } from '../core/loadStaffActor.ts';
import type { SessionActor } from '../core/sessionActor.ts';
import type { UrlSources } from '../core/urlSources.ts';
import type { DossierContext } from '../dossiers/index.ts';
import { actOnOne, type BulkOutcome } from './bulkAct.ts';
import { countOutcome, pendingItems } from './bulkJobs.ts';
import type { BulkInput } from './collaborationInputs.ts';

/** What the worker hands to `performBulkJob`. */
export interface BulkJobDeps {
  db: AppDatabase;
  clock: () => Date;
  units: UnitCatalog;
  urlSources?: UrlSources;
  enqueueEffects: EnqueueEffects;
}

const jobData = z.strictObject({ tenantId: z.uuid(), jobId: z.uuid() });

/** Answer for every dossier left when the agent can no longer act (disabled, no role). */
const REQUESTER_GONE: BulkOutcome = {
  ok: false,
  code: 'FORBIDDEN',
  message: 'L’agent qui a lancé ce traitement ne peut plus agir sur les dossiers.',
};

/**
 * Performs a bulk job (`startBulkJob`) as the agent who started it, with their roles and
 * units as they are now: each dossier in its own transaction, under the revision the agent
 * saw, exactly as `dossiers.bulk` — the dossier's change, its audit row and the item's
 * outcome commit together, and the item row is locked first. A job redelivered after the
 * worker died mid-way (or run twice at once) skips the items that already have an outcome:
 * no dossier is acted on twice by one job (docs/SECURITY.md §130).
 *
 * @example
 * await performBulkJob(deps, { tenantId, jobId });
 */
export async function performBulkJob(deps: BulkJobDeps, data: unknown): Promise<void> {
  const { tenantId, jobId } = jobData.parse(data);
  const scope = tenantScope(tenantId);
  const [job] = await deps.db
    .select()
    .from(bulkJobs)
    .where(scope.where(bulkJobs, eq(bulkJobs.id, jobId)));
  if (job === undefined || job.finishedAt !== null) return;
  const actor = await loadStaffActor(sqlExecutorFor(deps.db), {
    tenantId,
    userId: job.requesterId,
    sessionId: job.sessionId,
  });
  const action = job.action as BulkInput['action'];
  for (const item of await pendingItems(deps, tenantId, jobId)) {
    await deps.db.transaction(async (tx) => {
      const [still] = await tx
        .select({ position: bulkJobItems.position })
        .from(bulkJobItems)
        .where(
          scope.where(
            bulkJobItems,
            and(
              eq(bulkJobItems.jobId, jobId),
              eq(bulkJobItems.position, item.position),
              isNull(bulkJobItems.outcome),
            ),
          ),
        )
        .for('update');
      if (still === undefined) return;
      const outcome =
        actor === null
          ? REQUESTER_GONE
          : await actOn(deps, tx, actor, `bulk:${jobId}:${item.position}`, item, action);
      await tx
        .update(bulkJobItems)
        .set({ outcome, processedAt: deps.clock() })
        .where(
          scope.where(
            bulkJobItems,
            and(eq(bulkJobItems.jobId, jobId), eq(bulkJobItems.position, item.position)),
          ),
        );
      await countOutcome({ db: tx }, tenantId, jobId, outcome);
    });
  }
  await deps.db
    .update(bulkJobs)
    .set({ finishedAt: deps.clock() })
    .where(scope.where(bulkJobs, eq(bulkJobs.id, jobId), isNull(bulkJobs.finishedAt)));
}

async function actOn(
  deps: BulkJobDeps,
  tx: AppDatabase,
  session: SessionActor,
  requestId: string,
  item: { dossierId: string; revision: number },
  action: BulkInput['action'],
): Promise<BulkOutcome> {
  const context: DossierContext = {
    db: tx,
    session,
    now: deps.clock(),
    requestId,
    units: deps.units,
    ...(deps.urlSources ? { urlSources: deps.urlSources } : {}),
  };
  const result = await actOnOne(context, item, action, deps.enqueueEffects);
  return result.ok
    ? { ok: true, revision: result.value.revision }
    : { ok: false, code: result.error.code, message: result.error.message };
}
