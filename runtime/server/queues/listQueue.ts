import { err, ok, type Result } from '../../../shared/result.ts';
import { dossiers } from '../../db/schema/index.ts';
import type { AppDatabase } from '../../db/types.ts';
import type { DomainError } from '../core/domainError.ts';
import type { UrlSources } from '../core/urlSources.ts';
import { isKeyFor, type Keyset, type KeysetPosition, keysetSegments, keyText } from './keyset.ts';
import { queueConditions } from './queueConditions.ts';
import { decodeCursor, encodeCursor, invalidCursor } from './queueCursor.ts';
import { DEFAULT_DIRECTION, type QueueListQuery, type QueueSort } from './queueInput.ts';
import { type QueueItem, toQueueItems } from './queueItems.ts';
import type { QueueViewer } from './queueViewer.ts';
import { type QueueRow, readQueueSegment } from './readQueueSegment.ts';
import { searchQuery } from './searchQuery.ts';

/** What a queue service works with; the viewer comes from the session, never the input. */
export interface QueueServiceContext {
  db: AppDatabase;
  viewer: QueueViewer;
  now: Date;
  /** Reads `url` data sources, for the labels an export shows (`deps.urlSources`). */
  urlSources?: UrlSources | undefined;
}

export interface QueuePage {
  items: QueueItem[];
  /** Hand it back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

/**
 * Each sort ends with the id so the order is total (ties on `created_at` are common
 * with bulk imports). They match the queue indexes of `dossiers` (see its schema).
 */
const KEYSETS: Record<QueueSort, Keyset> = {
  createdAt: {
    columns: [{ column: dossiers.createdAt, kind: 'timestamp' }],
    id: dossiers.id,
    firstNullable: false,
  },
  updatedAt: {
    columns: [{ column: dossiers.updatedAt, kind: 'timestamp' }],
    id: dossiers.id,
    firstNullable: false,
  },
  dueAt: {
    columns: [{ column: dossiers.dueAt, kind: 'timestamp' }],
    id: dossiers.id,
    firstNullable: true,
  },
  priority: {
    columns: [
      { column: dossiers.priority, kind: 'rank' },
      { column: dossiers.createdAt, kind: 'timestamp' },
    ],
    id: dossiers.id,
    firstNullable: false,
  },
};

/**
 * One page of a back-office queue: the viewer's submitted dossiers matching the
 * filters, in a total order, continued from `cursor` by keyset (never OFFSET, so page
 * 200 costs what page 1 costs). A cursor from another sort or a forged one is an
 * INVALID_INPUT error, never a SQL error. `probeBudget` is for tests (see `readQueueSegment`).
 *
 * @example
 * const page = await listQueue(ctx, queueListInput.parse({ states: ['depose'], sort: 'dueAt' }));
 * if (page.ok && page.value.nextCursor) await listQueue(ctx, { ...query, cursor: page.value.nextCursor });
 */
export async function listQueue(
  ctx: QueueServiceContext,
  query: QueueListQuery,
  options: { probeBudget?: number } = {},
): Promise<Result<QueuePage, DomainError>> {
  const direction = query.direction ?? DEFAULT_DIRECTION[query.sort];
  const keyset = KEYSETS[query.sort];
  let after: KeysetPosition | null = null;
  if (query.cursor !== undefined) {
    const position = decodeCursor(query.cursor);
    if (!position.ok) return position;
    const { sort, key, id } = position.value;
    if (sort !== query.sort || position.value.direction !== direction || !isKeyFor(keyset, key)) {
      return err(invalidCursor());
    }
    after = { key, id };
  }
  const tsquery = query.text === undefined ? null : await searchQuery(ctx.db, query.text);
  const conditions = queueConditions(query, { viewer: ctx.viewer, now: ctx.now, tsquery });
  if (conditions.choices.some((choice) => choice.alternatives.length === 0)) {
    return ok({ items: [], nextCursor: null });
  }
  const keys = keyset.columns.map(keyText);
  // Where a row sits in the order: a cursor's content, and where a probe reads on from.
  const positionOf = (row: QueueRow) => ({
    key: [row.k0, row.k1 ?? null].slice(0, keys.length),
    id: row.id,
  });
  const continueAfter = (row: QueueRow) => ({
    ...keysetSegments(keyset, direction, positionOf(row), { withNulls: false })[0]!,
    keys,
  });
  const rows: QueueRow[] = [];
  for (const segment of keysetSegments(keyset, direction, after, {
    withNulls: !conditions.needsDueDate,
  })) {
    const wanted = query.limit + 1 - rows.length;
    if (wanted <= 0) break;
    const reading = { wanted, continueAfter, probeBudget: options.probeBudget };
    rows.push(...(await readQueueSegment(ctx.db, conditions, { ...segment, keys }, reading)));
  }
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > query.limit && last !== undefined
      ? encodeCursor({ sort: query.sort, direction, ...positionOf(last) })
      : null;
  return ok({ items: await toQueueItems(ctx.db, ctx.viewer.tenantId, page, ctx.now), nextCursor });
}
