import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { err, ok, type Result } from '../../../shared/result.ts';
import { exportJobs } from '../../db/index.ts';
import { tenantScope } from '../../db/tenancy/tenantScope.ts';
import { recordSessionAudit } from '../audit/index.ts';
import type { DomainError } from '../core/domainError.ts';
import { QUEUE_EXPORT_QUEUE, type SendJob } from '../core/jobPort.ts';
import type { SessionActor } from '../core/sessionActor.ts';
import { EXPORT_FORMAT_NAMES, type ExportFormatName } from './exportFormats.ts';
import { listQueue, type QueueServiceContext } from './listQueue.ts';
import { queueListInput } from './queueInput.ts';

/** Up to this many rows an export is downloaded at once; above, it is a durable job. */
export const IMMEDIATE_EXPORT_LIMIT = 1000;
/** How long a finished export's file is kept for its requester. */
export const EXPORT_LIFETIME_DAYS = 7;
/** The file of export `id`: `GET` by its requester (`exportDownloadHttpHandler`). */
export const exportDownloadPath = (id: string) => `/api/queues/exports/${id}`;

/** The filters of a queue list, without paging: the export reads every page itself. */
export const exportFiltersInput = queueListInput.omit({ cursor: true, limit: true });

export const startExportInput = z.strictObject({
  filters: exportFiltersInput,
  format: z.enum(EXPORT_FORMAT_NAMES),
  /** One per click: a retried request answers the same job. */
  idempotencyKey: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{8,100}$/, 'Clé d’idempotence invalide (8 à 100 caractères).'),
});
export const exportIdInput = z.strictObject({
  exportId: z.uuid({ error: 'Identifiant d’export invalide.' }),
});

/** What the worker's job carries. */
export interface ExportJobData {
  tenantId: string;
  exportId: string;
}

/** A durable export as its requester reads it. */
export interface ExportJobView {
  id: string;
  format: ExportFormatName;
  rows: number;
  finished: boolean;
  /** Set when the export could not be written, in French. */
  failure: string | null;
  /** Set once the file is complete, until it expires. */
  downloadPath: string | null;
  sizeBytes: number | null;
  expiresAt: string;
}

export interface ExportServiceContext extends QueueServiceContext {
  session: SessionActor;
  requestId: string;
  /** Above this many rows an export is a durable job (`ServerConfig.exportAtOnceRows`). */
  atOnceRows?: number;
}

const notFound = (): DomainError => ({ code: 'NOT_FOUND', message: 'Cet export est introuvable.' });

/**
 * Starts an export of the filtered queue: `immediate` when it lists at most
 * `atOnceRows` (default `IMMEDIATE_EXPORT_LIMIT`) rows (the client downloads it at once from
 * `QUEUE_EXPORT_PATH`), else a durable job the worker writes into the file store
 * (`performExport`), recorded with the pg-boss job in one transaction and audited. The
 * same idempotency key from the same agent answers the job it started first.
 *
 * @example
 * const started = await startExport(ctx, { filters: {}, format: 'csv', idempotencyKey }, sendJob);
 */
export async function startExport(
  ctx: ExportServiceContext,
  input: z.output<typeof startExportInput>,
  sendJob: SendJob,
): Promise<Result<{ kind: 'immediate' } | { kind: 'job'; exportId: string }, DomainError>> {
  const { session } = ctx;
  const existing = await findByKey(ctx, input.idempotencyKey);
  if (existing !== undefined) return ok({ kind: 'job', exportId: existing });
  const atOnce = ctx.atOnceRows ?? IMMEDIATE_EXPORT_LIMIT;
  const size = await rowsUpTo(ctx, input.filters, atOnce + 1);
  if (!size.ok) return size;
  if (size.value <= atOnce) return ok({ kind: 'immediate' });
  const expiresAt = new Date(ctx.now.getTime() + EXPORT_LIFETIME_DAYS * 24 * 3600 * 1000);
  const exportId = await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(exportJobs)
      .values({
        tenantId: session.tenantId,
        requesterId: session.userId,
        sessionId: session.sessionId,
        idempotencyKey: input.idempotencyKey,
        format: input.format,
        filters: input.filters,
        createdAt: ctx.now,
        expiresAt,
      })
      .onConflictDoNothing()
      .returning({ id: exportJobs.id });
    if (created === undefined) return null;
    const data: ExportJobData = { tenantId: session.tenantId, exportId: created.id };
    await sendJob(tx, QUEUE_EXPORT_QUEUE, data, { id: created.id, singletonKey: created.id });
    await recordSessionAudit(
      tx,
      { session, requestId: ctx.requestId, now: ctx.now },
      {
        action: 'queue.export',
        object: 'queue',
        details: { filters: input.filters, format: input.format, exportId: created.id },
      },
    );
    return created.id;
  });
  // Lost a race with the same key: answer the job the other request created.
  const id = exportId ?? (await findByKey(ctx, input.idempotencyKey));
  if (id === undefined) throw new Error('guichet: export conflict without a row');
  return ok({ kind: 'job', exportId: id });
}

/**
 * An export for its requester only; anyone else, admins included, gets NOT_FOUND as for
 * an id that exists nowhere: the file holds what the requester's queue lists, which may
 * be more than another staff member sees (docs/SECURITY.md §132).
 *
 * @example
 * const view = await readExport(ctx, exportId);
 */
export async function readExport(
  ctx: Pick<ExportServiceContext, 'db' | 'session' | 'now'>,
  exportId: string,
): Promise<Result<ExportJobView, DomainError>> {
  const row = await exportRow(ctx, exportId);
  if (row === undefined) return err(notFound());
  const expired = row.expiresAt.getTime() <= ctx.now.getTime();
  return ok({
    id: row.id,
    format: row.format as ExportFormatName,
    rows: row.rows,
    finished: row.finishedAt !== null,
    failure: row.failure,
    downloadPath: row.storageKey !== null && !expired ? exportDownloadPath(row.id) : null,
    sizeBytes: row.sizeBytes,
    expiresAt: row.expiresAt.toISOString(),
  });
}

/** The caller's latest durable export, for the queue page to show again. */
export async function latestExport(
  ctx: Pick<ExportServiceContext, 'db' | 'session' | 'now'>,
): Promise<ExportJobView | null> {
  const scope = tenantScope(ctx.session.tenantId);
  const [latest] = await ctx.db
    .select({ id: exportJobs.id })
    .from(exportJobs)
    .where(scope.where(exportJobs, eq(exportJobs.requesterId, ctx.session.userId)))
    .orderBy(desc(exportJobs.createdAt), desc(exportJobs.id))
    .limit(1);
  if (latest === undefined) return null;
  const view = await readExport(ctx, latest.id);
  return view.ok ? view.value : null;
}

/** The row of `exportId` when the caller requested it; undefined otherwise. */
export async function exportRow(
  ctx: Pick<ExportServiceContext, 'db' | 'session'>,
  exportId: string,
) {
  const scope = tenantScope(ctx.session.tenantId);
  const [row] = await ctx.db
    .select()
    .from(exportJobs)
    .where(
      scope.where(
        exportJobs,
        and(eq(exportJobs.id, exportId), eq(exportJobs.requesterId, ctx.session.userId)),
      ),
    );
  return ctx.session.kind === 'staff' ? row : undefined;
}

async function findByKey(ctx: ExportServiceContext, key: string): Promise<string | undefined> {
  const scope = tenantScope(ctx.session.tenantId);
  const [row] = await ctx.db
    .select({ id: exportJobs.id })
    .from(exportJobs)
    .where(
      scope.where(
        exportJobs,
        and(eq(exportJobs.requesterId, ctx.session.userId), eq(exportJobs.idempotencyKey, key)),
      ),
    );
  return row?.id;
}

/** How many rows the filtered queue lists, counted no further than `cap`. */
async function rowsUpTo(
  ctx: QueueServiceContext,
  filters: z.output<typeof exportFiltersInput>,
  cap: number,
): Promise<Result<number, DomainError>> {
  let rows = 0;
  let cursor: string | undefined;
  do {
    const page = await listQueue(ctx, { ...filters, limit: 100, cursor });
    if (!page.ok) return page;
    rows += page.value.items.length;
    cursor = page.value.nextCursor ?? undefined;
  } while (cursor !== undefined && rows < cap);
  return ok(rows);
}
