import { and, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { dossiers } from '../../db/schema/index.ts';
import type { KeysetSegment } from './keyset.ts';
import type { QueueConditions } from './queueConditions.ts';

/** One index range of a page: a segment of the keyset order, its sort keys as output. */
export interface PageSegment extends KeysetSegment {
  /** Select expressions of the sort keys as the cursor stores them, aliased `k0`, `k1`. */
  keys: SQL[];
}

/** How the page query treats the free-text and form-field conditions. */
export type InvertedMode =
  /** As plain filters the planner may serve with their GIN indexes. */
  | { kind: 'indexed' }
  /** As a flag (`hit`) on at most `budget` rows read in order: see `listQueue`. */
  | { kind: 'probe'; budget: number };

const iso = (column: AnyPgColumn) =>
  sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** What a page row carries; every timestamp is ISO text, so both drivers agree. */
const OUTPUT = sql.join(
  [
    sql`${dossiers.id} as "id"`,
    sql`${dossiers.reference} as "reference"`,
    sql`${dossiers.demarcheId} as "demarcheId"`,
    sql`${dossiers.version} as "version"`,
    sql`${dossiers.revision} as "revision"`,
    sql`${dossiers.state} as "state"`,
    sql`${dossiers.unitCode} as "unitCode"`,
    sql`${dossiers.assigneeId} as "assigneeId"`,
    sql`${dossiers.applicantId} as "applicantId"`,
    sql`${dossiers.priority} as "priority"`,
    sql`${iso(dossiers.dueAt)} as "dueAt"`,
    sql`${iso(dossiers.createdAt)} as "createdAt"`,
    sql`${iso(dossiers.updatedAt)} as "updatedAt"`,
  ],
  sql`, `,
);

const BRANCH_COLUMNS = sql.join(
  [
    dossiers.id,
    dossiers.reference,
    dossiers.demarcheId,
    dossiers.version,
    dossiers.revision,
    dossiers.state,
    dossiers.unitCode,
    dossiers.assigneeId,
    dossiers.applicantId,
    dossiers.priority,
    dossiers.dueAt,
    dossiers.createdAt,
    dossiers.updatedAt,
  ].map((column) => sql`${column}`),
  sql`, `,
);

/**
 * The SQL of one page segment. Every level of the query is aliased `dossiers`, so the
 * drizzle column references of the keyset (`"dossiers"."created_at"`) resolve at each.
 *
 * Choices listed in `split` become a `union all` of branches, one per combination, each
 * ordered and limited on its own: an index range each, merged by the outer order. In
 * probe mode the candidates carry `hit` (the inverted conditions, written so no GIN
 * index can serve them) and their rank `n`; the outer query keeps the hits, plus the
 * candidate of rank `budget` if it was reached.
 *
 * @example
 * await db.execute(queuePageSql(conditions, segment, { split: ['state'], limit: 51, inverted: { kind: 'indexed' } }));
 */
export function queuePageSql(
  conditions: QueueConditions,
  segment: PageSegment,
  options: { split: readonly string[]; limit: number; inverted: InvertedMode },
): SQL {
  const { inverted } = options;
  const probing = inverted.kind === 'probe' && conditions.inverted.length > 0;
  const candidatesLimit = probing ? inverted.budget : options.limit;
  const hit = probing ? sql`, (${and(...conditions.inverted)}) is true as "hit"` : sql``;
  const fixed = [...conditions.all, ...(probing ? [] : conditions.inverted), segment.where];
  const collapsed = conditions.choices
    .filter((choice) => !options.split.includes(choice.column))
    .map((choice) => (choice.alternatives.length === 0 ? sql`false` : or(...choice.alternatives)));
  const branches = combinations(
    conditions.choices.filter((choice) => options.split.includes(choice.column)),
  );
  const order = sql.join(segment.orderBy, sql`, `);
  const branchSql = branches.map(
    (branch) =>
      sql`(select ${BRANCH_COLUMNS}${hit} from ${dossiers} where ${and(...fixed, ...collapsed, ...branch)} order by ${order} limit ${candidatesLimit})`,
  );
  const candidates =
    branchSql.length === 1
      ? branchSql[0]!
      : sql`select * from (${sql.join(branchSql, sql` union all `)}) as "dossiers" order by ${order} limit ${candidatesLimit}`;
  const keys = segment.keys.map((key, i) => sql`, ${key} as ${sql.identifier(`k${i}`)}`);
  if (!probing) {
    return sql`select ${OUTPUT}${sql.join(keys)} from (${candidates}) as "dossiers" order by ${order} limit ${options.limit}`;
  }
  // Streams: `n` numbers the candidates in order as they are read, the outer limit stops
  // reading once enough hits are out, and the budget-th candidate comes back whatever its
  // `hit`, to tell "budget spent" from "candidates exhausted".
  return sql`select ${OUTPUT}${sql.join(keys)}, "hit", "n" from (
    select "dossiers".*, row_number() over (order by ${order})::int as "n" from (${candidates}) as "dossiers"
  ) as "dossiers" where "hit" or "n" = ${candidatesLimit} order by ${order} limit ${options.limit + 1}`;
}

/** Every way to pick one alternative per choice: the branches of the union. */
function combinations(choices: ReadonlyArray<{ alternatives: SQL[] }>): SQL[][] {
  let result: SQL[][] = [[]];
  for (const choice of choices) {
    result = result.flatMap((picked) =>
      choice.alternatives.map((alternative) => [...picked, alternative]),
    );
  }
  return result;
}
