import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { err, ok, type Result } from '../../../shared/result.ts';
import { bulkJobItems, bulkJobs, dossiers } from '../../db/index.ts';
import { tenantScope } from '../../db/tenancy/tenantScope.ts';
import type { DomainError } from '../core/domainError.ts';
import { BULK_ACTION_QUEUE, type SendJob } from '../core/jobPort.ts';
import type { SessionActor } from '../core/sessionActor.ts';
import type { DossierContext } from '../dossiers/index.ts';
import type { BulkOutcome } from './bulkAct.ts';
import type { StartBulkJobInput } from './bulkJobInputs.ts';
import type { BulkInput } from './collaborationInputs.ts';

/** What the worker's job carries: just enough to find the row, nothing to trust. */
export interface BulkJobData {
  tenantId: string;
  jobId: string;
}

/**
 * One dossier of the report, by its place in the agent's selection. No id is echoed: a
 * refused id of another tenant reads exactly as one that exists nowhere (§7).
 */
export interface BulkJobLine {
  position: number;
  /** Only for a dossier the action was carried out on: the agent may read it. */
  reference: string | null;
  outcome: BulkOutcome | null;
}

/** A bulk job as its requester reads it: progress, then the report. */
export interface BulkJobView {
  id: string;
  action: BulkInput['action'];
  total: number;
  done: number;
  refused: number;
  finished: boolean;
  createdAt: string;
  lines: BulkJobLine[];
}

const notFound = (): DomainError => ({
  code: 'NOT_FOUND',
  message: 'Ce traitement groupé est introuvable.',
});

/**
 * Records a bulk action as a job and queues it for the worker, in one transaction (the
 * job row and the pg-boss job commit together). The same idempotency key from the same
 * agent answers the job it started first, whatever the rest of the input: a retried
 * request never starts a second run (docs/SECURITY.md §130).
 *
 * @example
 * const { jobId } = await startBulkJob(context, input, deps.sendJob);
 */
export async function startBulkJob(
  context: DossierContext,
  input: StartBulkJobInput,
  sendJob: SendJob,
): Promise<{ jobId: string }> {
  const { session } = context;
  return context.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(bulkJobs)
      .values({
        tenantId: session.tenantId,
        requesterId: session.userId,
        sessionId: session.sessionId,
        idempotencyKey: input.idempotencyKey,
        action: input.action,
        total: input.items.length,
        createdAt: context.now,
      })
      .onConflictDoNothing()
      .returning({ id: bulkJobs.id });
    if (created === undefined) {
      const scope = tenantScope(session.tenantId);
      const [existing] = await tx
        .select({ id: bulkJobs.id })
        .from(bulkJobs)
        .where(
          scope.where(
            bulkJobs,
            and(
              eq(bulkJobs.requesterId, session.userId),
              eq(bulkJobs.idempotencyKey, input.idempotencyKey),
            ),
          ),
        );
      if (existing === undefined) throw new Error('guichet: bulk job conflict without a row');
      return { jobId: existing.id };
    }
    await tx.insert(bulkJobItems).values(
      input.items.map((item, position) => ({
        tenantId: session.tenantId,
        jobId: created.id,
        position,
        dossierId: item.dossierId,
        revision: item.revision,
      })),
    );
    const data: BulkJobData = { tenantId: session.tenantId, jobId: created.id };
    await sendJob(tx, BULK_ACTION_QUEUE, data, { id: created.id, singletonKey: created.id });
    return { jobId: created.id };
  });
}

/**
 * A bulk job for its requester or an admin of the tenant; anyone else gets NOT_FOUND, as
 * for an id that exists nowhere (docs/SECURITY.md §131).
 *
 * @example
 * const view = await readBulkJob(context, jobId); // { total: 50, done: 12, … }
 */
export async function readBulkJob(
  context: Pick<DossierContext, 'db' | 'session'>,
  jobId: string,
): Promise<Result<BulkJobView, DomainError>> {
  const { db, session } = context;
  const scope = tenantScope(session.tenantId);
  const [job] = await db
    .select()
    .from(bulkJobs)
    .where(scope.where(bulkJobs, eq(bulkJobs.id, jobId)));
  if (job === undefined || !mayRead(session, job.requesterId)) return err(notFound());
  const items = await db
    .select({
      position: bulkJobItems.position,
      dossierId: bulkJobItems.dossierId,
      outcome: bulkJobItems.outcome,
    })
    .from(bulkJobItems)
    .where(scope.where(bulkJobItems, eq(bulkJobItems.jobId, job.id)))
    .orderBy(asc(bulkJobItems.position));
  const doneIds = items.flatMap((item) =>
    (item.outcome as BulkOutcome | null)?.ok ? [item.dossierId] : [],
  );
  const references = new Map<string, string | null>();
  if (doneIds.length > 0) {
    const rows = await db
      .select({ id: dossiers.id, reference: dossiers.reference })
      .from(dossiers)
      .where(scope.where(dossiers, inArray(dossiers.id, doneIds)));
    for (const row of rows) references.set(row.id, row.reference);
  }
  return ok({
    id: job.id,
    action: job.action as BulkInput['action'],
    total: job.total,
    done: job.done,
    refused: job.refused,
    finished: job.finishedAt !== null,
    createdAt: job.createdAt.toISOString(),
    lines: items.map((item) => ({
      position: item.position,
      reference: references.get(item.dossierId) ?? null,
      outcome: item.outcome as BulkOutcome | null,
    })),
  });
}

/**
 * The caller's latest bulk job, so the bulk page shows it again after the agent left:
 * still running, or its report. Null when they never started one.
 *
 * @example
 * const latest = await latestBulkJob(context);
 */
export async function latestBulkJob(
  context: Pick<DossierContext, 'db' | 'session'>,
): Promise<BulkJobView | null> {
  const { db, session } = context;
  const scope = tenantScope(session.tenantId);
  const [latest] = await db
    .select({ id: bulkJobs.id })
    .from(bulkJobs)
    .where(scope.where(bulkJobs, eq(bulkJobs.requesterId, session.userId)))
    .orderBy(desc(bulkJobs.createdAt), desc(bulkJobs.id))
    .limit(1);
  if (latest === undefined) return null;
  const view = await readBulkJob(context, latest.id);
  return view.ok ? view.value : null;
}

function mayRead(session: SessionActor, requesterId: string): boolean {
  return (
    session.kind === 'staff' && (session.userId === requesterId || session.roles.includes('admin'))
  );
}

/** The items of `jobId` not processed yet, in the agent's order. */
export function pendingItems(context: Pick<DossierContext, 'db'>, tenantId: string, jobId: string) {
  const scope = tenantScope(tenantId);
  return context.db
    .select({
      position: bulkJobItems.position,
      dossierId: bulkJobItems.dossierId,
      revision: bulkJobItems.revision,
    })
    .from(bulkJobItems)
    .where(
      scope.where(bulkJobItems, and(eq(bulkJobItems.jobId, jobId), isNull(bulkJobItems.outcome))),
    )
    .orderBy(asc(bulkJobItems.position));
}

/** Adds one processed item to the job's counters, in the item's transaction. */
export function countOutcome(
  context: Pick<DossierContext, 'db'>,
  tenantId: string,
  jobId: string,
  outcome: BulkOutcome,
) {
  const scope = tenantScope(tenantId);
  return context.db
    .update(bulkJobs)
    .set(
      outcome.ok ? { done: sql`${bulkJobs.done} + 1` } : { refused: sql`${bulkJobs.refused} + 1` },
    )
    .where(scope.where(bulkJobs, eq(bulkJobs.id, jobId)));
}
