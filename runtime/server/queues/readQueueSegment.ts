import { type SQL, sql } from 'drizzle-orm';
import { rowsOf } from '../../db/index.ts';
import type { AppDatabase } from '../../db/types.ts';
import type { QueueConditions } from './queueConditions.ts';
import { splitColumns } from './queueIndexes.ts';
import { type PageSegment, queuePageSql } from './queuePageSql.ts';

/** A page row as `queuePageSql` returns it. */
export interface QueueRow {
  id: string;
  reference: string | null;
  demarcheId: string;
  version: number;
  /** What a bulk action sends back, so a dossier changed since is refused, not overwritten. */
  revision: number;
  state: string;
  unitCode: string | null;
  assigneeId: string | null;
  applicantId: string;
  priority: number;
  dueAt: string | null;
  createdAt: string;
  updatedAt: string;
  k0: string | number | null;
  k1?: string | number | null;
}

/**
 * How many candidates, in page order, a free-text or form-field filter is first tested
 * on before deciding how to go on. Tuned with `npm run bench:queue`.
 */
export const PROBE_BUDGET = 2000;

/**
 * Past this many more rows expected to test in order, the inverted index is read
 * instead. Reading on in page order touches few pages (rows of one period sit together
 * on disk) but tests every row; the GIN path fetches only matches, each on its own page.
 * On a million dossiers both cost ~25 ms when a filter keeps ~0.2 % of the rows, which
 * is where this bound puts the switch.
 */
const MAX_CONTINUATION = 25_000;
const MAX_ROUNDS = 4;

export interface SegmentReading {
  wanted: number;
  /** The same segment resumed after a row: for a probe that must read on. */
  continueAfter: (row: QueueRow) => PageSegment;
  probeBudget?: number | undefined;
}

/**
 * Reads up to `wanted` rows of one keyset segment.
 *
 * Without free text or form fields it is one query, split by `splitColumns` into index
 * ranges. With them, how selective they are decides the plan, and the planner cannot
 * tell (a generic estimate for `jsonb @>`): it has been seen walking a whole tenant in
 * order for a one-row search, or AND-ing a GIN scan of half the table into a ten-row
 * queue. So the work is bounded explicitly. A probe reads the btree conditions in page
 * order and tests the filters on each row as it comes, stopping once the page is full
 * or the budget is spent: a common filter fills the page there, cheaply. If the budget
 * is spent, the hits so far tell how rare the filter is: rare enough that reading on
 * in order would cost more than `MAX_CONTINUATION` rows, the rest of the page comes
 * from the GIN indexes (index and sequential scans disabled for that transaction, so
 * only their few matches are fetched and sorted); otherwise the probe reads on.
 *
 * @example
 * const rows = await readQueueSegment(db, conditions, segment, { wanted: 51, continueAfter });
 */
export async function readQueueSegment(
  db: AppDatabase,
  conditions: QueueConditions,
  segment: PageSegment,
  reading: SegmentReading,
): Promise<QueueRow[]> {
  const choices = conditions.choices.map((choice) => ({
    column: choice.column,
    size: choice.alternatives.length,
  }));
  const { columns: split } = splitColumns(conditions.pinned, choices, segment.sortColumns);
  if (conditions.inverted.length === 0) {
    return run(
      db,
      queuePageSql(conditions, segment, {
        split,
        limit: reading.wanted,
        inverted: { kind: 'indexed' },
      }),
    );
  }
  const hits: QueueRow[] = [];
  let budget = reading.probeBudget ?? PROBE_BUDGET;
  let from = segment;
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const limit = reading.wanted - hits.length;
    const probe = await inPageOrder(db, (tx) =>
      run<QueueRow & { hit: boolean; n: number }>(
        tx,
        queuePageSql(conditions, from, { split, limit, inverted: { kind: 'probe', budget } }),
      ),
    );
    const found = probe.filter((row) => row.hit).slice(0, limit);
    hits.push(...found);
    const last = probe.find((row) => Number(row.n) === budget);
    if (hits.length >= reading.wanted || last === undefined) return hits;
    from = reading.continueAfter(last);
    // Rows still to test in order at the rate seen so far; the next round may read up
    // to twice that (it stops as soon as the page is full).
    const expected =
      found.length === 0
        ? Number.POSITIVE_INFINITY
        : ((reading.wanted - hits.length) * budget) / found.length;
    if (expected > MAX_CONTINUATION) break;
    budget = Math.ceil(2 * expected);
  }
  const rest = await db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('enable_indexscan', 'off', true), set_config('enable_indexonlyscan', 'off', true), set_config('enable_seqscan', 'off', true)`,
    );
    return run(
      tx,
      queuePageSql(conditions, from, {
        split: [],
        limit: reading.wanted - hits.length,
        inverted: { kind: 'indexed' },
      }),
    );
  });
  return [...hits, ...rest];
}

/**
 * Runs a probe with bitmap and sequential scans off for its transaction, so candidates
 * come from btree index scans, read in page order where an index has it, and the reading
 * stops at the budget. Given a budget of thousands of rows and an `or` over the viewer's
 * units, the planner estimated reading every row the viewer sees (bitmap, then
 * sequential scan) then sorting as cheaper: on the 1,000,000-dossier bench an agent's
 * search read 93,000 rows to keep 81 (420 to 750 ms; in order, 35 to 130 ms). Sorts stay
 * allowed: a split branch may still sort its few rows (turning sorts off made the
 * combined-filters probe of `bench:queue` take seconds).
 */
function inPageOrder<T>(db: AppDatabase, read: (tx: AppDatabase) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('enable_bitmapscan', 'off', true), set_config('enable_seqscan', 'off', true)`,
    );
    return read(tx);
  });
}

async function run<Row = QueueRow>(db: AppDatabase, query: SQL): Promise<Row[]> {
  return rowsOf(await db.execute(query)) as Row[];
}
