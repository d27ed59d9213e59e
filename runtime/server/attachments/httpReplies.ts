import type { ServerResponse } from 'node:http';
import type { DomainError } from '../core/domainError.ts';

const STATUS: Record<string, number> = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CROSS_SITE_REQUEST: 403,
  FIELD_NOT_EDITABLE: 403,
  NOT_FOUND: 404,
  SCAN_PENDING: 409,
  METHOD_NOT_ALLOWED: 405,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  QUOTA_EXCEEDED: 429,
  STORAGE_FULL: 507,
};

/**
 * Sends a JSON body.
 *
 * @example
 * replyJson(res, 201, { id });
 */
export function replyJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}

/**
 * Sends a domain error as `{ error: { code, message } }` with its HTTP status, the same
 * stable code and French message a tRPC client would get.
 *
 * @example
 * replyError(res, { code: 'NOT_FOUND', message: 'Ce fichier est introuvable.' }); // 404
 */
export function replyError(res: ServerResponse, error: DomainError): void {
  replyJson(res, STATUS[error.code] ?? 400, {
    error: {
      code: error.code,
      message: error.message,
      details: error.details ?? null,
      // Beside the field concerned, as the tRPC edge sends it.
      ...(error.fieldErrors === undefined ? {} : { fieldErrors: error.fieldErrors }),
    },
  });
}

/**
 * `attachment` with an ASCII fallback name and the exact UTF-8 name (RFC 6266 / 5987),
 * so a browser always downloads and never renders the file.
 *
 * @example
 * contentDisposition('relevé.pdf');
 * // 'attachment; filename="relev_.pdf"; filename*=UTF-8\'\'relev%C3%A9.pdf'
 */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
