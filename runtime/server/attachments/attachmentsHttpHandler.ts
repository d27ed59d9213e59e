import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServerDeps } from '../deps.ts';
import type { DossierContext } from '../dossiers/dossierContext.ts';
import { parseCookies } from '../http/cookies.ts';
import type { DomainError } from '../trpc/domainError.ts';
import { attachmentsRoot } from './fileStore.ts';
import { contentDisposition, replyError, replyJson } from './httpReplies.ts';
import { openAttachment } from './openAttachment.ts';
import { uploadAttachment } from './uploadAttachment.ts';

const UPLOAD = /^\/api\/dossiers\/([0-9a-f-]{36})\/attachments$/i;
const DOWNLOAD = /^\/api\/attachments\/([0-9a-f-]{36})$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FIELD = /^[A-Za-z_][A-Za-z0-9_-]{0,99}$/;
// Bodies a cross-site HTML form can send without a CORS preflight: refused, so the
// session cookie alone never lets another site upload (defence beside SameSite).
const FORM_TYPES = /^(?:multipart\/form-data|application\/x-www-form-urlencoded|text\/plain)\b/i;

/**
 * Files travel outside tRPC (which speaks JSON):
 * - `POST /api/dossiers/:id/attachments?field=…&name=…` with the raw file as the body
 *   → 201 `{ id, fileName, mediaType, sizeBytes, sha256, … }`;
 * - `GET /api/attachments/:id` → the file, always as a download, with its detected type
 *   and `nosniff` (SECURITY §15).
 * Both authenticate with the session cookie. Returns false for any other path, so the
 * server can mount it before its other routes.
 *
 * @example
 * createServer(async (req, res) => {
 *   if (await attachmentsHttpHandler(req, res, deps)) return;
 *   trpc(req, res);
 * });
 */
export async function attachmentsHttpHandler(
  req: IncomingMessage,
  res: ServerResponse,
  deps: ServerDeps,
): Promise<boolean> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const upload = UPLOAD.exec(url.pathname);
  const download = DOWNLOAD.exec(url.pathname);
  if (upload === null && download === null) return false;
  res.setHeader('Cache-Control', 'no-store');
  const method = upload !== null ? 'POST' : 'GET';
  if (req.method !== method) {
    res.setHeader('Allow', method);
    replyError(res, { code: 'METHOD_NOT_ALLOWED', message: 'Méthode non autorisée.' });
    return true;
  }
  const context = await contextOf(req, res, deps);
  if (context === null) {
    replyError(res, { code: 'UNAUTHENTICATED', message: 'Veuillez vous connecter.' });
    return true;
  }
  const root = attachmentsRoot(deps.config);
  const id = (upload ?? download)![1]!;
  if (!UUID.test(id)) {
    replyError(res, { code: 'NOT_FOUND', message: 'Ressource introuvable.' });
    return true;
  }
  if (upload !== null) {
    const field = url.searchParams.get('field') ?? '';
    const rejected = checkUploadRequest(req, field);
    if (rejected !== null) {
      replyError(res, rejected);
      return true;
    }
    const length = Number(req.headers['content-length']);
    const stored = await uploadAttachment(context, root, {
      dossierId: id.toLowerCase(),
      field,
      name: url.searchParams.get('name') ?? '',
      body: req,
      declaredBytes: Number.isFinite(length) ? length : null,
      scanning: deps.config.clamd !== null,
    });
    if (stored.ok) replyJson(res, 201, stored.value);
    else replyError(res, stored.error);
    return true;
  }
  const opened = await openAttachment(context, root, { id: id.toLowerCase() });
  if (!opened.ok) {
    replyError(res, opened.error);
    return true;
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
  return true;
}

async function contextOf(
  req: IncomingMessage,
  res: ServerResponse,
  deps: ServerDeps,
): Promise<DossierContext | null> {
  const now = deps.clock();
  const session = await deps.resolveSession(parseCookies(req.headers.cookie), now);
  if (session === null) return null;
  const requestId = randomUUID();
  res.setHeader('X-Request-Id', requestId);
  return { db: deps.database.db, session, now, requestId, units: deps.units };
}

function checkUploadRequest(req: IncomingMessage, field: string): DomainError | null {
  if (FORM_TYPES.test(req.headers['content-type'] ?? '')) {
    return {
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: 'Envoyez le fichier brut (Content-Type: application/octet-stream).',
    };
  }
  if (!FIELD.test(field))
    return { code: 'INVALID_INPUT', message: 'Champ du formulaire invalide.' };
  return null;
}
