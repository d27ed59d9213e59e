import type { AppDatabase, ExecuteSql } from '../../../db/types.ts';
import { listMyTasks, myTasksInput } from '../../tasks/index.ts';
import { countQueue } from '../countQueue.ts';
import { listQueue, type QueueServiceContext } from '../listQueue.ts';
import { type QueueListInput, queueListInput } from '../queueInput.ts';
import type { QueueViewer } from '../queueViewer.ts';
import { BENCH_NOW, BENCH_TENANTS } from './benchWorld.ts';

/** A typical back-office request: `run(db, i)` performs the i-th variant through the service. */
export interface BenchQuery {
  name: string;
  run(db: AppDatabase, iteration: number): Promise<unknown>;
}

const ACTIVE = ['depose', 'en_instruction', 'complement'];
const STATES = ['depose', 'en_instruction', 'complement', 'accepte', 'refuse'];
const TEXTS = [
  'dupont',
  'éloïse',
  'lef',
  'jean-pierre martin',
  'usager12345@exemple.fr',
  'marie dub',
];

/**
 * The queue queries of the benchmark, on the big tenant. Each iteration varies its
 * parameters (démarche, state, agent, search words, commune) so the figures are not one
 * hot query repeated. Agents each cover one team unit; the admin covers the tenant.
 *
 * @example
 * const queries = await benchQueries(database.executeSql, database.db);
 */
export async function benchQueries(executeSql: ExecuteSql, db: AppDatabase): Promise<BenchQuery[]> {
  const slug = BENCH_TENANTS[0]!.slug;
  const tenant = await one<{ id: string }>(executeSql, `select id from tenants where slug = $1`, [
    slug,
  ]);
  const demarches = (
    await executeSql(`select id from demarches where tenant_id = $1 order by slug`, [tenant.id])
  ).rows.map((row) => (row as { id: string }).id);
  const admin = await one<{ id: string }>(
    executeSql,
    `select id from users where tenant_id = $1 and email like 'admin@%'`,
    [tenant.id],
  );
  const agentRows = await executeSql(
    `select u.id, array_agg(un.code) as codes
     from users u join memberships m on m.tenant_id = u.tenant_id and m.user_id = u.id
     join units un on un.tenant_id = m.tenant_id and un.id = m.unit_id
     where u.tenant_id = $1 and u.email like 'agent-%' and un.parent_id is not null
       and substr(un.code, 2)::int > 5
     group by u.id, u.email order by u.email limit 10`,
    [tenant.id],
  );
  const units = (
    await executeSql(`select code from units where tenant_id = $1`, [tenant.id])
  ).rows.map((r) => (r as { code: string }).code);
  const adminViewer: QueueViewer = {
    tenantId: tenant.id,
    userId: admin.id,
    roles: ['admin'],
    unitCodes: units,
  };
  const agents: QueueViewer[] = agentRows.rows.map((row) => {
    const { id, codes } = row as { id: string; codes: string[] };
    return { tenantId: tenant.id, userId: id, roles: ['agent'], unitCodes: codes };
  });
  const pick = <T>(list: readonly T[], i: number): T => list[i % list.length]!;
  const list = (db: AppDatabase, viewer: QueueViewer, input: Partial<QueueListInput>) =>
    must(listQueue({ db, viewer, now: BENCH_NOW }, queueListInput.parse(input)));
  const ctx = (db: AppDatabase, viewer: QueueViewer): QueueServiceContext => ({
    db,
    viewer,
    now: BENCH_NOW,
  });

  // Page 200 of each démarche's "accepted" tab: the cursor is found once, by paging.
  const deepCursors: string[] = [];
  for (const demarcheId of demarches) {
    let cursor: string | undefined;
    for (let page = 1; page < 200; page += 1) {
      const result = await list(db, adminViewer, {
        demarcheId,
        states: ['accepte'],
        ...(cursor ? { cursor } : {}),
      });
      cursor = result.nextCursor ?? undefined;
    }
    if (cursor === undefined) throw new Error('bench: fewer than 200 pages');
    deepCursors.push(cursor);
  }

  return [
    {
      name: 'state tab, first page',
      run: (db, i) =>
        list(db, adminViewer, { demarcheId: pick(demarches, i), states: [pick(STATES, i)] }),
    },
    {
      name: 'unit + state (agent)',
      run: (db, i) => {
        const agent = pick(agents, i);
        return list(db, agent, { unit: agent.unitCodes[0]!, states: [pick(ACTIVE, i)] });
      },
    },
    {
      name: 'assignee = me, by due date',
      run: (db, i) =>
        list(db, pick(agents, i), {
          assignee: 'me',
          states: ['en_instruction', 'complement'],
          sort: 'dueAt',
        }),
    },
    {
      name: 'overdue, by due date',
      run: (db, i) =>
        list(db, adminViewer, {
          overdue: true,
          sort: 'dueAt',
          ...(i % 2 ? { demarcheId: pick(demarches, i) } : {}),
        }),
    },
    {
      name: 'priority sort',
      run: (db, i) =>
        list(db, adminViewer, {
          demarcheId: pick(demarches, i),
          states: [pick(ACTIVE, i)],
          sort: 'priority',
        }),
    },
    { name: 'free text', run: (db, i) => list(db, adminViewer, { text: pick(TEXTS, i) }) },
    {
      name: 'form field (commune)',
      run: (db, i) =>
        list(db, adminViewer, { fields: { commune: String(75000 + ((i * 37) % 200)) } }),
    },
    {
      name: 'deep keyset page 200',
      run: (db, i) =>
        list(db, adminViewer, {
          demarcheId: pick(demarches, i),
          states: ['accepte'],
          cursor: pick(deepCursors, i),
        }),
    },
    {
      name: 'counts per state (admin)',
      run: (db, i) =>
        must(countQueue(ctx(db, adminViewer), i % 2 ? { demarcheId: pick(demarches, i) } : {})),
    },
    {
      name: 'combined filters (agent)',
      run: (db, i) =>
        list(db, pick(agents, i), {
          demarcheId: pick(demarches, i),
          states: ['en_instruction', 'complement'],
          priority: ['high', 'urgent'],
          fields: { situation: 'couple' },
          sort: 'dueAt',
        }),
    },
    { name: 'agent landing page', run: (db, i) => list(db, pick(agents, i), {}) },
    {
      name: 'counts per state (agent)',
      run: (db, i) =>
        must(countQueue(ctx(db, pick(agents, i)), i % 2 ? { demarcheId: pick(demarches, i) } : {})),
    },
    {
      name: 'tasks.mine (agent)',
      run: (db, i) => must(listMyTasks(ctx(db, pick(agents, i)), myTasksInput.parse({}))),
    },
  ];
}

async function one<T>(executeSql: ExecuteSql, text: string, values: unknown[]): Promise<T> {
  const { rows } = await executeSql(text, values);
  if (rows[0] === undefined) throw new Error(`bench: nothing for ${text}`);
  return rows[0] as T;
}

async function must<T>(
  result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>,
): Promise<T> {
  const settled = await result;
  if (!settled.ok) throw new Error(settled.error.message);
  return settled.value;
}
