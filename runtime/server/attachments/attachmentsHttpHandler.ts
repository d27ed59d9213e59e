import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { auditRefusal } from '../audit/index.ts';
import { parseCookies } from '../core/cookies.ts';
import { crossSiteRefusal } from '../core/crossSiteGuard.ts';
import type { ServerDeps } from '../core/deps.ts';
import type { DomainError } from '../core/domainError.ts';
import { counterUploadContext } from '../counter/index.ts';
import type { DossierContext } from '../dossiers/index.ts';
import { accountQuota } from '../rateLimit/index.ts';
import { attachmentsRoot } from './fileStore.ts';
import { contentDisposition, replyError, replyJson } from './httpReplies.ts';
import { openAttachment } from './openAttachment.ts';
import { uploadAttachment } from './uploadAttachment.ts';

const UPLOAD = /^\/api\/dossiers\/([0-9a-f-]{36})\/attachments$/i;
const DOWNLOAD = /^\/api\/attachments\/([0-9a-f-]{36})$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// A field path: names, and list indexes inside repeated groups (`enfants/0/certificat`).
const NAME = '[A-Za-z_][A-Za-z0-9_-]{0,99}';
const FIELD = new RegExp(`^${NAME}(?:/(?:${NAME}|0|[1-9][0-9]{0,5})){0,9}$`);
// Bodies a cross-site HTML form can send without a CORS preflight: refused, so the
// session cookie alone never lets another site upload (defence beside SameSite).
const FORM_TYPES = /^(?:multipart\/form-data|application\/x-www-form-urlencoded|text\/plain)\b/i;

/**
 * Files travel outside tRPC (which speaks JSON):
 * - `POST /api/dossiers/:id/attachments?field=…&name=…` with the raw file as the body,
 *   `field` a file field's path (`justificatif`, `enfants/0/certificat`) → 201 `{ id, fileName, mediaType, sizeBytes, sha256, … }`;
 * - `GET /api/attachments/:id` → the file, always as a download, with its detected type
 *   and `nosniff` (docs/SECURITY.md §15).
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
  const { publicOrigin, tls } = deps.config;
  const foreign = crossSiteRefusal(req, { publicOrigin, tls });
  if (foreign !== null) {
    replyError(res, foreign);
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
    const quota = await accountQuota(
      context.db,
      { session: context.session, now: context.now, quotas: deps.config.quotas },
      'uploads',
    );
    if (!quota.ok) {
      res.setHeader('Retry-After', String(quota.error.details?.retryAfterS ?? 3600));
      replyError(res, quota.error);
      return true;
    }
    const length = Number(req.headers['content-length']);
    // An agent filling a counter draft uploads as the person it is for (§106).
    const uploader = (await counterUploadContext(context, id.toLowerCase())) ?? context;
    const stored = await uploadAttachment(uploader, root, {
      dossierId: id.toLowerCase(),
      field,
      name: url.searchParams.get('name') ?? '',
      body: req,
      declaredBytes: Number.isFinite(length) ? length : null,
      scanning: deps.config.clamd !== null,
      storageCapBytes: deps.config.quotas.tenantStorageBytes,
    });
    if (stored.ok) replyJson(res, 201, stored.value);
    else {
      await auditNotFound(context, 'POST /api/dossiers/:id/attachments', {
        error: stored.error,
        input: { dossierId: id.toLowerCase() },
      });
      replyError(res, stored.error);
    }
    return true;
  }
  const opened = await openAttachment(context, root, { id: id.toLowerCase() });
  if (!opened.ok) {
    await auditNotFound(context, 'GET /api/attachments/:id', {
      error: opened.error,
      input: { attachmentId: id.toLowerCase() },
    });
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
  const cookies = parseCookies(req.headers.cookie);
  // A visitor's pass (a dossier without an account) uploads to and reads its own dossier
  // only: the dossier rules admit its placeholder applicant nowhere else (§53).
  const session =
    (await deps.resolveSession(cookies, now)) ?? (await deps.resolveAnonymousPass(cookies, now));
  if (session === null) return null;
  const requestId = randomUUID();
  res.setHeader('X-Request-Id', requestId);
  return { db: deps.database.db, session, now, requestId, units: deps.units };
}

/**
 * The audit row of a NOT_FOUND on a file route, as `authedProcedure` writes for tRPC
 * (docs/SECURITY.md §20); a denial of a dossier that exists was audited by the service.
 */
async function auditNotFound(
  context: DossierContext,
  route: string,
  refused: { error: DomainError; input: Record<string, string> },
): Promise<void> {
  if (refused.error.code !== 'NOT_FOUND') return;
  if ((refused.error as { denied?: unknown }).denied !== undefined) return;
  await auditRefusal(context.db, context, {
    kind: 'not_found',
    procedure: route,
    input: refused.input,
  });
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
