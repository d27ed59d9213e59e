import { createHash } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { type AppDatabase, exportJobs, sqlExecutorFor } from '../../db/index.ts';
import { tenantScope } from '../../db/tenancy/tenantScope.ts';
import { loadStaffActor } from '../core/loadStaffActor.ts';
import { EXPORT_FORMATS, type ExportFormatName } from './exportFormats.ts';
import { exportFiltersInput } from './exportJobs.ts';

/** What the worker hands to `performExport`: the file store's two steps, from attachments. */
export interface ExportJobDeps {
  db: AppDatabase;
  clock: () => Date;
  /** A fresh temporary path beside the store (`attachments`' `temporaryPath`). */
  temporaryPath(): Promise<string>;
  /** Moves a complete file to its content address (`attachments`' `commitFile`). */
  commitFile(tempPath: string, sha256: string): Promise<string>;
}

const jobData = z.strictObject({ tenantId: z.uuid(), exportId: z.uuid() });
/** Progress is written every this many rows: a row update per 1,000, not per page. */
const PROGRESS_EVERY = 1000;

/**
 * Writes a durable export (`startExport`) into the file store: the format's writer streams
 * the requester's queue page by page — with their rights as they are now — into a
 * temporary file, hashed on the way, then moved to its content address; memory stays one
 * page whatever the size. Progress (rows written) is recorded as it goes. A redelivered
 * job starts the file again; a finished one is left alone.
 *
 * @example
 * await performExport(deps, { tenantId, exportId });
 */
export async function performExport(deps: ExportJobDeps, data: unknown): Promise<void> {
  const { tenantId, exportId } = jobData.parse(data);
  const scope = tenantScope(tenantId);
  const where = scope.where(exportJobs, eq(exportJobs.id, exportId), isNull(exportJobs.finishedAt));
  const [job] = await deps.db.select().from(exportJobs).where(where);
  if (job === undefined) return;
  const viewer = await loadStaffActor(sqlExecutorFor(deps.db), {
    tenantId,
    userId: job.requesterId,
    sessionId: job.sessionId,
  });
  const fail = (failure: string) =>
    deps.db.update(exportJobs).set({ failure, finishedAt: deps.clock() }).where(where);
  if (viewer === null) {
    await fail('L’agent qui a demandé cet export ne peut plus lire les dossiers.');
    return;
  }
  const format = EXPORT_FORMATS[job.format as ExportFormatName];
  const filters = exportFiltersInput.parse(job.filters);
  const temp = await deps.temporaryPath();
  const file = createWriteStream(temp, { flags: 'wx' });
  const hash = createHash('sha256');
  let size = 0;
  let recorded = 0;
  try {
    const written = await format.write(
      { db: deps.db, viewer, now: deps.clock() },
      { ...filters, limit: 100 },
      {
        write: async (chunk) => {
          const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
          hash.update(bytes);
          size += bytes.byteLength;
          await writeWithBackPressure(file, bytes);
        },
        progress: async (rows) => {
          if (rows - recorded < PROGRESS_EVERY) return;
          recorded = rows;
          await deps.db
            .update(exportJobs)
            .set({ rows })
            .where(scope.where(exportJobs, and(eq(exportJobs.id, exportId))));
        },
      },
    );
    await new Promise<void>((resolve, reject) =>
      file.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
    if (!written.ok) {
      await rm(temp, { force: true });
      await fail(written.error.message);
      return;
    }
    const storageKey = await deps.commitFile(temp, hash.digest('hex'));
    await deps.db
      .update(exportJobs)
      .set({ rows: written.value.rows, storageKey, sizeBytes: size, finishedAt: deps.clock() })
      .where(where);
  } catch (error) {
    file.destroy();
    await rm(temp, { force: true });
    throw error;
  }
}

function writeWithBackPressure(file: WriteStream, bytes: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    const flushed = file.write(bytes, (error) => {
      if (error) reject(error);
    });
    if (flushed) resolve();
    else file.once('drain', resolve);
  });
}
