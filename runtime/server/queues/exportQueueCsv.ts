import { inArray } from 'drizzle-orm';
import { ok, type Result } from '../../../shared/result.ts';
import { users } from '../../db/schema/index.ts';
import { tenantScope } from '../../db/tenancy/tenantScope.ts';
import type { DomainError } from '../core/domainError.ts';
import { CSV_BOM, csvLine } from './csvCell.ts';
import { listQueue, type QueueServiceContext } from './listQueue.ts';
import type { QueueListQuery } from './queueInput.ts';
import type { QueueItem } from './queueItems.ts';

const HEADERS = [
  'Référence',
  'Démarche',
  'État',
  'Demandeur',
  'Service',
  'Agent en charge',
  'Priorité',
  'Échéance',
  'En retard',
  'Créé le',
  'Modifié le',
] as const;

const PRIORITY_LABELS = { low: 'Basse', normal: 'Normale', high: 'Haute', urgent: 'Urgente' };
/** Rows read per query: one keyset page, so memory stays bounded whatever the queue's size. */
const PAGE = 100;

/** Dates as a French spreadsheet reads them, in UTC like the queue's due days. */
const frenchDate = (iso: string | null) =>
  iso === null
    ? ''
    : new Date(iso).toLocaleString('fr-FR', {
        timeZone: 'UTC',
        dateStyle: 'short',
        timeStyle: 'short',
      });

/**
 * Writes a queue as CSV for a spreadsheet — UTF-8 with a byte order mark, `;`
 * separators, French headers, every cell formula-safe (`csvCell`, docs/SECURITY.md §74)
 * — page by page through `listQueue`, so it holds one page at a time and lists exactly
 * the dossiers the viewer's queue lists, never one more (§73). `write` resolves when
 * the chunk may be followed by the next (the HTTP answer's back-pressure).
 *
 * @example
 * await exportQueueCsv(ctx, queueListInput.parse({ states: ['depose'] }), (chunk) => send(chunk));
 */
export async function exportQueueCsv(
  ctx: QueueServiceContext,
  query: QueueListQuery,
  write: (chunk: string) => Promise<void>,
  /** Told the rows written so far after each page (a durable export's progress). */
  progress?: (rows: number) => Promise<void>,
): Promise<Result<{ rows: number }, DomainError>> {
  await write(CSV_BOM + csvLine(HEADERS));
  let cursor: string | undefined;
  let rows = 0;
  do {
    const page = await listQueue(ctx, { ...query, limit: PAGE, cursor });
    if (!page.ok) return page;
    const names = await assigneeNames(ctx, page.value.items);
    await write(page.value.items.map((item) => csvLine(cellsOf(item, names))).join(''));
    rows += page.value.items.length;
    await progress?.(rows);
    cursor = page.value.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return ok({ rows });
}

function cellsOf(item: QueueItem, names: Map<string, string>) {
  return [
    item.reference,
    item.demarcheTitle,
    item.stateLabel,
    item.applicantName,
    item.unit ?? '',
    item.assigneeId === null ? '' : (names.get(item.assigneeId) ?? ''),
    PRIORITY_LABELS[item.priority],
    frenchDate(item.dueAt),
    item.overdue ? 'oui' : 'non',
    frenchDate(item.createdAt),
    frenchDate(item.updatedAt),
  ];
}

async function assigneeNames(ctx: QueueServiceContext, items: readonly QueueItem[]) {
  const ids = [...new Set(items.flatMap((item) => (item.assigneeId ? [item.assigneeId] : [])))];
  if (ids.length === 0) return new Map<string, string>();
  const scope = tenantScope(ctx.viewer.tenantId);
  const rows = await ctx.db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(scope.where(users, inArray(users.id, ids)));
  return new Map(rows.map((row) => [row.id, row.displayName]));
}
