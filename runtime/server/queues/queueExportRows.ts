import { inArray } from 'drizzle-orm';
import type { DemarcheDefinition } from '../../../shared/definition/types.ts';
import { ok, type Result } from '../../../shared/result.ts';
import { dossiers, users } from '../../db/schema/index.ts';
import { tenantScope } from '../../db/tenancy/tenantScope.ts';
import type { DomainError } from '../core/domainError.ts';
import { dossierSourceLabels, loadPublishedVersion } from '../dossiers/index.ts';
import { type ExportValue, type FormColumn, formCell, formColumns } from './formColumns.ts';
import { listQueue, type QueueServiceContext } from './listQueue.ts';
import { publishedVersions } from './publishedVersions.ts';
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

/** Where an export's rows go: its headers once, then each page's rows. */
export interface ExportSink {
  headers: (headers: readonly string[]) => Promise<void>;
  /** Resolves when the next page may follow (an HTTP answer's back-pressure). */
  rows: (rows: ExportValue[][]) => Promise<void>;
}

/**
 * A queue's rows for a spreadsheet, page by page through `listQueue`, so it holds one
 * page at a time and lists exactly the dossiers the viewer's queue lists, never one more
 * (docs/SECURITY.md §73). An export of one démarche adds its form's fields as columns
 * (`formColumns` of its latest published version), each dossier's answers read with its
 * own version: choices and data-source codes by their labels, resolved on the server
 * once per page and source.
 *
 * @example
 * await queueExportRows(ctx, query, { headers: writeHeader, rows: writeRows });
 */
export async function queueExportRows(
  ctx: QueueServiceContext,
  query: QueueListQuery,
  sink: ExportSink,
): Promise<Result<{ rows: number }, DomainError>> {
  const scope = tenantScope(ctx.viewer.tenantId);
  const columns =
    query.demarcheId === undefined
      ? []
      : formColumns(
          (await publishedVersions(ctx.db, scope, query.demarcheId)).at(-1)?.definition.form ?? {
            schema: {},
          },
        );
  await sink.headers([...HEADERS, ...columns.map((column) => column.header)]);
  let cursor: string | undefined;
  let rows = 0;
  do {
    const page = await listQueue(ctx, { ...query, limit: PAGE, cursor });
    if (!page.ok) return page;
    const items = page.value.items;
    const names = await assigneeNames(ctx, items);
    const answers = columns.length === 0 ? null : await answersOf(ctx, items, columns);
    await sink.rows(
      items.map((item) => [...cellsOf(item, names), ...(answers?.get(item.id) ?? [])]),
    );
    rows += items.length;
    cursor = page.value.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return ok({ rows });
}

function cellsOf(item: QueueItem, names: Map<string, string>): ExportValue[] {
  const at = (iso: string | null) => (iso === null ? null : { at: new Date(iso) });
  return [
    item.reference,
    item.demarcheTitle,
    item.stateLabel,
    item.applicantName,
    item.unit,
    item.assigneeId === null ? null : (names.get(item.assigneeId) ?? null),
    PRIORITY_LABELS[item.priority],
    at(item.dueAt),
    item.overdue ? 'oui' : 'non',
    at(item.createdAt),
    at(item.updatedAt),
  ];
}

/** The form columns of a page's dossiers, by dossier id: one query for the data. */
async function answersOf(
  ctx: QueueServiceContext,
  items: readonly QueueItem[],
  columns: readonly FormColumn[],
): Promise<Map<string, ExportValue[]>> {
  const scope = tenantScope(ctx.viewer.tenantId);
  if (items.length === 0) return new Map();
  const rows = await ctx.db
    .select({ id: dossiers.id, data: dossiers.data })
    .from(dossiers)
    .where(
      scope.where(
        dossiers,
        inArray(
          dossiers.id,
          items.map((item) => item.id),
        ),
      ),
    );
  const dataOf = new Map(rows.map((row) => [row.id, row.data as Record<string, unknown>]));
  const byVersion = new Map<string, { definition: DemarcheDefinition; items: QueueItem[] }>();
  for (const item of items) {
    const key = `${item.demarcheId}:${item.version}`;
    let group = byVersion.get(key);
    if (group === undefined) {
      const published = await loadPublishedVersion(
        ctx.db,
        scope.tenantId,
        item.demarcheId,
        item.version,
      );
      if (published === null) continue;
      group = { definition: published.definition, items: [] };
      byVersion.set(key, group);
    }
    group.items.push(item);
  }
  const answers = new Map<string, ExportValue[]>();
  for (const { definition, items: inVersion } of byVersion.values()) {
    const datas = inVersion.map((item) => dataOf.get(item.id) ?? {});
    const labels = await dossierSourceLabels(ctx, scope.tenantId, definition, datas);
    for (const [index, item] of inVersion.entries()) {
      const data = datas[index] ?? {};
      answers.set(
        item.id,
        columns.map((column) => formCell(definition.form, column, data, labels)),
      );
    }
  }
  return answers;
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
