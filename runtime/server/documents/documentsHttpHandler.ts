import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  attachmentsRoot,
  clamdScanner,
  contentDisposition,
  replyError,
  replyJson,
} from '../attachments/index.ts';
import { parseCookies } from '../core/cookies.ts';
import { crossSiteRefusal } from '../core/crossSiteGuard.ts';
import type { ServerDeps } from '../core/deps.ts';
import type { SessionActor } from '../core/sessionActor.ts';
import { accountQuota } from '../rateLimit/index.ts';
import { openDocument } from './openDocument.ts';
import { storeDocument } from './storeDocument.ts';

/** Where files enter the safe. */
export const DOCUMENTS_PATH = '/api/documents';

// Bodies a cross-site HTML form can send without a CORS preflight: refused, as uploads.
const FORM_TYPES = /^(?:multipart\/form-data|application\/x-www-form-urlencoded|text\/plain)\b/i;

/**
 * The safe's file routes, for the signed-in citizen's own safe only (staff 403, no
 * session 401 — a visitor's pass is not a session here). Returns false for any other path.
 * - `POST /api/documents?name=…&label=…&validUntil=AAAA-MM-JJ` with the raw file as the
 *   body → 201 with the document. Counted in the account's hourly uploads like a dossier
 *   upload.
 * - `GET /api/documents/:id` → the file, always as a download with its detected type and
 *   `nosniff`, to its owner only: anyone else's id answers 404 as an unknown one
 *   (docs/SECURITY.md §112).
 *
 * @example
 * if (await documentsHttpHandler(req, res, deps)) return;
 */
export async function documentsHttpHandler(
  req: IncomingMessage,
  res: ServerResponse,
  deps: ServerDeps,
): Promise<boolean> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const download = url.pathname.startsWith(`${DOCUMENTS_PATH}/`);
  if (url.pathname !== DOCUMENTS_PATH && !download) return false;
  res.setHeader('Cache-Control', 'no-store');
  if (download) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET');
      replyError(res, { code: 'METHOD_NOT_ALLOWED', message: 'Méthode non autorisée.' });
      return true;
    }
    const session = await citizenOf(req, res, deps);
    if (session !== null) {
      await sendDocument(res, deps, session, url.pathname.slice(DOCUMENTS_PATH.length + 1));
    }
    return true;
  }
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    replyError(res, { code: 'METHOD_NOT_ALLOWED', message: 'Méthode non autorisée.' });
    return true;
  }
  const { publicOrigin, tls } = deps.config;
  const foreign = crossSiteRefusal(req, { publicOrigin, tls });
  if (foreign !== null) {
    replyError(res, foreign);
    return true;
  }
  const now = deps.clock();
  const session = await citizenOf(req, res, deps);
  if (session === null) return true;
  if (FORM_TYPES.test(req.headers['content-type'] ?? '')) {
    replyError(res, {
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: 'Envoyez le fichier brut (Content-Type: application/octet-stream).',
    });
    return true;
  }
  const db = deps.database.db;
  const quota = await accountQuota(db, { session, now, quotas: deps.config.quotas }, 'uploads');
  if (!quota.ok) {
    res.setHeader('Retry-After', String(quota.error.details?.retryAfterS ?? 3600));
    replyError(res, quota.error);
    return true;
  }
  const length = Number(req.headers['content-length']);
  const stored = await storeDocument({ db, session, now }, attachmentsRoot(deps.config), {
    name: url.searchParams.get('name') ?? '',
    label: url.searchParams.get('label') ?? '',
    validUntil: url.searchParams.get('validUntil') ?? '',
    body: req,
    declaredBytes: Number.isFinite(length) ? length : null,
    scanner: deps.config.clamd === null ? null : clamdScanner(deps.config.clamd),
    storageCapBytes: deps.config.quotas.tenantStorageBytes,
  });
  if (stored.ok) replyJson(res, 201, stored.value);
  else replyError(res, stored.error);
  return true;
}

/** The signed-in citizen, or null once the refusal (401, or 403 for staff) is sent. */
async function citizenOf(
  req: IncomingMessage,
  res: ServerResponse,
  deps: ServerDeps,
): Promise<SessionActor | null> {
  const session = await deps.resolveSession(parseCookies(req.headers.cookie), deps.clock());
  res.setHeader('X-Request-Id', randomUUID());
  if (session === null) {
    replyError(res, { code: 'UNAUTHENTICATED', message: 'Veuillez vous connecter.' });
    return null;
  }
  if (session.kind !== 'citizen') {
    replyError(res, { code: 'FORBIDDEN', message: 'Cette action est réservée aux usagers.' });
    return null;
  }
  return session;
}

async function sendDocument(
  res: ServerResponse,
  deps: ServerDeps,
  session: SessionActor,
  id: string,
): Promise<void> {
  const root = attachmentsRoot(deps.config);
  const opened = await openDocument(deps.database.db, session, root, id);
  if (!opened.ok) {
    replyError(res, opened.error);
    return;
  }
  res.statusCode = 200;
  res.setHeader('Content-Type', opened.value.mediaType);
  res.setHeader('Content-Length', String(opened.value.sizeBytes));
  res.setHeader('Content-Disposition', contentDisposition(opened.value.fileName));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
  createReadStream(opened.value.path)
    .on('error', () => res.destroy())
    .pipe(res);
}
