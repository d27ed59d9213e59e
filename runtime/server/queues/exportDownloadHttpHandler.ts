import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import {
  attachmentsRoot,
  contentDisposition,
  replyError,
  storedPath,
} from '../attachments/index.ts';
import { parseCookies } from '../core/cookies.ts';
import type { ServerDeps } from '../core/deps.ts';
import { EXPORT_FORMATS, type ExportFormatName } from './exportFormats.ts';
import { exportRow } from './exportJobs.ts';

const PATH =
  /^\/api\/queues\/exports\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
const NOT_FOUND = { code: 'NOT_FOUND', message: 'Cet export est introuvable.' } as const;

/**
 * `GET /api/queues/exports/<id>` → the file of a finished durable export, to the staff
 * member who requested it and nobody else (docs/SECURITY.md §132): anyone else, an expired
 * export or one still running answers 404 as an id that exists nowhere. Streamed from the
 * file store. Returns false for any other path.
 *
 * @example
 * if (await exportDownloadHttpHandler(req, res, deps)) return;
 */
export async function exportDownloadHttpHandler(
  req: IncomingMessage,
  res: ServerResponse,
  deps: ServerDeps,
): Promise<boolean> {
  const match = PATH.exec(new URL(req.url ?? '/', 'http://localhost').pathname);
  if (match === null) return false;
  res.setHeader('Cache-Control', 'no-store');
  if (req.method !== 'GET') {
    res.setHeader('Allow', 'GET');
    replyError(res, { code: 'METHOD_NOT_ALLOWED', message: 'Méthode non autorisée.' });
    return true;
  }
  const now = deps.clock();
  const session = await deps.resolveSession(parseCookies(req.headers.cookie), now);
  if (session === null) {
    replyError(res, { code: 'UNAUTHENTICATED', message: 'Veuillez vous connecter.' });
    return true;
  }
  const row = await exportRow({ db: deps.database.db, session }, match[1] ?? '');
  if (row === undefined || row.storageKey === null || row.expiresAt <= now) {
    replyError(res, NOT_FOUND);
    return true;
  }
  const format = EXPORT_FORMATS[row.format as ExportFormatName];
  res.statusCode = 200;
  res.setHeader('Content-Type', format.contentType);
  res.setHeader('Content-Length', String(row.sizeBytes ?? 0));
  const day = row.createdAt.toISOString().slice(0, 10);
  res.setHeader('Content-Disposition', contentDisposition(`dossiers-${day}.${format.extension}`));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  await pipeline(createReadStream(storedPath(attachmentsRoot(deps.config), row.storageKey)), res);
  return true;
}
