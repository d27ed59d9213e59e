import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { replyError, replyJson } from '../attachments/index.ts';
import { parseCookies } from '../core/cookies.ts';
import { crossSiteRefusal } from '../core/crossSiteGuard.ts';
import type { ServerDeps } from '../core/deps.ts';
import type { DomainError } from '../core/domainError.ts';
import { referenceTableFields } from './dataSourceInputs.ts';
import { importReferenceTable } from './importReferenceTable.ts';
import { previewReferenceCsv } from './previewReferenceCsv.ts';

/** Where an admin sends a reference table's CSV, raw, to preview or import it. */
export const REFERENCE_TABLES_PATH = '/api/reference-tables';

/**
 * The body this route accepts (docs/SECURITY.md §117): room for the 35,000 communes with
 * several extra columns, ten times the API's 2 MiB, for this route only — and read only
 * after the caller is known to be an admin of the tenant.
 */
export const MAX_REFERENCE_UPLOAD_BYTES = 20 * 1024 * 1024;

// Bodies a cross-site HTML form can send without a CORS preflight: refused, as uploads.
const FORM_TYPES = /^(?:multipart\/form-data|application\/x-www-form-urlencoded|text\/plain)\b/i;

/**
 * `POST /api/reference-tables?code=…&label=…` with the CSV as the raw body (UTF-8) →
 * 200 `{ code, rowCount }` (`importReferenceTable`: all lines or none); with `&apercu=1`,
 * nothing is written and the answer is `previewReferenceCsv`'s. For the tenant's admins
 * only (no session 401, other roles 403), checked before the body is read; a body over
 * `MAX_REFERENCE_UPLOAD_BYTES` is answered 413 without being kept. Returns false for any
 * other path.
 *
 * @example
 * if (await referenceTablesHttpHandler(req, res, deps)) return;
 */
export async function referenceTablesHttpHandler(
  req: IncomingMessage,
  res: ServerResponse,
  deps: ServerDeps,
): Promise<boolean> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname !== REFERENCE_TABLES_PATH) return false;
  res.setHeader('Cache-Control', 'no-store');
  const requestId = randomUUID();
  res.setHeader('X-Request-Id', requestId);
  const refuse = (error: DomainError) => {
    // The body is read to its end (and dropped), so the client gets the answer.
    req.resume();
    replyError(res, error);
    return true;
  };
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    return refuse({ code: 'METHOD_NOT_ALLOWED', message: 'Méthode non autorisée.' });
  }
  const { publicOrigin, tls } = deps.config;
  const foreign = crossSiteRefusal(req, { publicOrigin, tls });
  if (foreign !== null) return refuse(foreign);
  const now = deps.clock();
  const session = await deps.resolveSession(parseCookies(req.headers.cookie), now);
  if (session === null) {
    return refuse({ code: 'UNAUTHENTICATED', message: 'Veuillez vous connecter.' });
  }
  if (session.kind !== 'staff' || !session.roles.includes('admin')) {
    return refuse({
      code: 'FORBIDDEN',
      message: 'Vous n’avez pas les droits nécessaires pour cette action.',
    });
  }
  if (FORM_TYPES.test(req.headers['content-type'] ?? '')) {
    return refuse({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: 'Envoyez le fichier brut (Content-Type: text/csv).',
    });
  }
  const fields = referenceTableFields.safeParse({
    code: url.searchParams.get('code') ?? '',
    label: url.searchParams.get('label') ?? '',
  });
  if (!fields.success) {
    return refuse({
      code: 'INVALID_INPUT',
      message: fields.error.issues.map((issue) => issue.message).join(' '),
    });
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > MAX_REFERENCE_UPLOAD_BYTES) return refuse(tooLarge());
  const body = await readBounded(req, MAX_REFERENCE_UPLOAD_BYTES);
  if (body === null) return refuse(tooLarge());
  let csv: string;
  try {
    csv = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    replyError(res, {
      code: 'INVALID_CSV',
      message: 'Le fichier n’est pas encodé en UTF-8 : enregistrez-le en « CSV UTF-8 ».',
    });
    return true;
  }
  if (url.searchParams.get('apercu') === '1') {
    replyJson(res, 200, previewReferenceCsv(csv));
    return true;
  }
  const imported = await importReferenceTable(
    { db: deps.database.db, session, now, requestId },
    { ...fields.data, csv },
  );
  if (imported.ok) replyJson(res, 200, imported.value);
  else replyError(res, imported.error);
  return true;
}

function tooLarge(): DomainError {
  return {
    code: 'PAYLOAD_TOO_LARGE',
    message: `Le fichier dépasse la taille maximale acceptée (${MAX_REFERENCE_UPLOAD_BYTES / (1024 * 1024)} Mo).`,
  };
}

/** The body, or null once it passes `maxBytes` (the rest is read and dropped). */
function readBounded(req: IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.on('end', () => resolve(size <= maxBytes ? Buffer.concat(chunks, size) : null));
    req.on('error', reject);
  });
}
