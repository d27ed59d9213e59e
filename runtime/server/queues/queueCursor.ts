import { z } from 'zod';
import { err, ok, type Result } from '../../../shared/result.ts';
import type { DomainError } from '../core/domainError.ts';

/**
 * Where a page ended: the sort it belongs to, the sort key values of its last row
 * (timestamps as UTC text to the microsecond, ranks as numbers, null for a missing due
 * date) and that row's id, which breaks ties.
 */
export interface CursorPosition {
  sort: string;
  direction: 'asc' | 'desc';
  key: Array<string | number | null>;
  id: string;
}

const payload = z.strictObject({
  v: z.literal(1),
  s: z.string().min(1).max(40),
  d: z.enum(['asc', 'desc']),
  k: z.array(z.union([z.string().max(40), z.number().int(), z.null()])).max(3),
  id: z.uuid(),
});

/**
 * Encodes a position as an opaque string (base64url JSON): clients hand it back and
 * never look inside. It is not signed: a forged one only moves within rows the viewer
 * may see anyway, and `decodeCursor` makes sure it cannot break the query.
 *
 * @example
 * encodeCursor({ sort: 'createdAt', direction: 'desc', key: ['2026-03-01T09:00:00.000000Z'], id });
 */
export function encodeCursor(position: CursorPosition): string {
  const { sort: s, direction: d, key: k, id } = position;
  return Buffer.from(JSON.stringify({ v: 1, s, d, k, id }), 'utf8').toString('base64url');
}

/**
 * Decodes a cursor from a client; anything malformed is a domain error (BAD_REQUEST at
 * the edge), never an exception or a SQL error. The sort keys are checked further by
 * the sort that reads them (`readCursorKey`).
 *
 * @example
 * const position = decodeCursor(input.cursor);
 * if (!position.ok) return position;
 */
export function decodeCursor(text: string): Result<CursorPosition, DomainError> {
  if (!/^[A-Za-z0-9_-]{1,1000}$/.test(text)) return err(invalidCursor());
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return err(invalidCursor());
  }
  const parsed = payload.safeParse(json);
  if (!parsed.success) return err(invalidCursor());
  const { s, d, k, id } = parsed.data;
  return ok({ sort: s, direction: d, key: k, id: id.toLowerCase() });
}

/** The error for a cursor that was forged, truncated or belongs to another sort. */
export function invalidCursor(): DomainError {
  return {
    code: 'INVALID_INPUT',
    message: 'Le curseur de pagination est invalide : rechargez la liste depuis la première page.',
    fieldErrors: { cursor: ['Curseur de pagination invalide.'] },
  };
}

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.\d{6}Z$/;

/**
 * Whether `value` is a real UTC instant in the cursor's format, so PostgreSQL can never
 * fail to cast it (`2026-02-30` passes a pattern but not this).
 *
 * @example
 * isCursorTimestamp('2026-03-01T09:00:00.123456Z'); // true
 */
export function isCursorTimestamp(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const parts = TIMESTAMP.exec(value);
  if (parts === null) return false;
  const [y, mo, d, h, mi, s] = parts.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (y < 1000) return false;
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return (
    date.getUTCMonth() === mo - 1 &&
    date.getUTCDate() === d &&
    date.getUTCHours() === h &&
    date.getUTCMinutes() === mi &&
    date.getUTCSeconds() === s
  );
}
