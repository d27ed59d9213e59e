import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { recordSessionAudit } from '../audit/index.ts';
import { parseCookies } from '../core/cookies.ts';
import type { ServerDeps } from '../core/deps.ts';
import type { DomainError } from '../core/domainError.ts';
import { EXPORT_FORMATS } from './exportFormats.ts';
import { exportQueueCsv } from './exportQueueCsv.ts';
import { exportQueueXlsx } from './exportQueueXlsx.ts';
import { queueListInput } from './queueInput.ts';

/** The CSV export's address; its filters travel as `filtres`, the `queues.list` input as JSON. */
export const QUEUE_EXPORT_PATH = '/api/queues/export.csv';
/** The same export as an Excel workbook. */
export const QUEUE_XLSX_EXPORT_PATH = '/api/queues/export.xlsx';

const STAFF_ROLES = ['admin', 'agent', 'supervisor'] as const;
// The filters of a queue list, without paging: the export reads every page itself.
const exportInput = queueListInput.omit({ cursor: true, limit: true });

/**
 * `GET /api/queues/export.csv?filtres={…}` → the filtered queue as a CSV download,
 * streamed page by page (`exportQueueCsv`); `export.xlsx` → the same as an Excel
 * workbook, bounded in rows (`exportQueueXlsx`). Staff only, by the session cookie; the
 * filters are `queues.list`'s strict input (a `tenantId` or unknown key → 400), and
 * what is listed is what the caller's queue lists (docs/SECURITY.md §73). One audit row
 * per export says who exported what filters and how many rows. Returns false for any
 * other path.
 *
 * @example
 * if (await queueExportHttpHandler(req, res, deps)) return;
 */
export async function queueExportHttpHandler(
  req: IncomingMessage,
  res: ServerResponse,
  deps: ServerDeps,
): Promise<boolean> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname !== QUEUE_EXPORT_PATH && url.pathname !== QUEUE_XLSX_EXPORT_PATH) return false;
  const xlsx = url.pathname === QUEUE_XLSX_EXPORT_PATH;
  res.setHeader('Cache-Control', 'no-store');
  if (req.method !== 'GET') {
    res.setHeader('Allow', 'GET');
    replyError(res, 405, { code: 'METHOD_NOT_ALLOWED', message: 'Méthode non autorisée.' });
    return true;
  }
  // A GET changes nothing, and the staff cookie is SameSite=Strict (§4): another site's
  // link arrives without the session and is answered 401.
  const now = deps.clock();
  const session = await deps.resolveSession(parseCookies(req.headers.cookie), now);
  if (session === null) {
    replyError(res, 401, { code: 'UNAUTHENTICATED', message: 'Veuillez vous connecter.' });
    return true;
  }
  if (session.kind !== 'staff' || !session.roles.some((role) => STAFF_ROLES.includes(role))) {
    replyError(res, 403, { code: 'FORBIDDEN', message: 'Réservé aux agents.' });
    return true;
  }
  const query = exportInput.safeParse(parseJson(url.searchParams.get('filtres') ?? '{}'));
  if (!query.success) {
    replyError(res, 400, { code: 'INVALID_INPUT', message: 'Filtres d’export invalides.' });
    return true;
  }
  const requestId = randomUUID();
  const ctx = { db: deps.database.db, viewer: session, now, urlSources: deps.urlSources };
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Request-Id', requestId);
  const day = now.toISOString().slice(0, 10);
  let rows: number;
  if (xlsx) {
    const workbook = await exportQueueXlsx(ctx, { ...query.data, limit: 100 });
    if (!workbook.ok) {
      replyError(res, workbook.error.code === 'EXPORT_TOO_LARGE' ? 413 : 400, workbook.error);
      return true;
    }
    res.statusCode = 200;
    res.setHeader('Content-Type', EXPORT_FORMATS.xlsx.contentType);
    res.setHeader('Content-Disposition', `attachment; filename="dossiers-${day}.xlsx"`);
    res.setHeader('Content-Length', String(workbook.value.bytes.length));
    res.write(workbook.value.bytes);
    rows = workbook.value.rows;
  } else {
    res.statusCode = 200;
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="dossiers-${day}.csv"`);
    const exported = await exportQueueCsv(ctx, { ...query.data, limit: 100 }, (chunk) =>
      writeWithBackPressure(res, chunk),
    );
    if (!exported.ok) {
      // Headers are gone: a cut answer is all that is left to say something went wrong.
      res.destroy();
      return true;
    }
    rows = exported.value.rows;
  }
  await recordSessionAudit(
    ctx.db,
    { session, requestId, now },
    {
      action: 'queue.export',
      object: 'queue',
      details: { filters: query.data, rows, format: xlsx ? 'xlsx' : 'csv' },
    },
  );
  res.end();
  return true;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function writeWithBackPressure(res: ServerResponse, chunk: string): Promise<void> {
  if (res.destroyed) return Promise.reject(new Error('guichet: export answer closed'));
  if (res.write(chunk)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    res.once('drain', resolve);
    res.once('close', () => reject(new Error('guichet: export answer closed')));
  });
}

function replyError(res: ServerResponse, status: number, error: DomainError): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.end(JSON.stringify({ error: { code: error.code, message: error.message } }));
}
