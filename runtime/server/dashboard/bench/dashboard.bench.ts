import { openTestDatabase } from '../../../db/testing/openTestDatabase.ts';
import { ensureJobSchema } from '../../effects/index.ts';
import { dashboardFigures } from '../dashboardFigures.ts';
import { parisPeriod } from '../parisPeriod.ts';
import { comparable, oracleFigures } from '../testing/dashboardOracle.ts';
import { playMembershipLives, seedMembershipDrafts } from '../testing/membershipLoad.ts';
import { membershipWorld } from '../testing/membershipWorld.ts';

// `npm run bench:dashboard`: 10,000 union-membership dossiers played through the dossier
// services on PostgreSQL (a scratch database on DATABASE_URL, dropped at the end), then
// every dashboard figure at the local, regional and confederation levels and for the
// whole tenant, month by month, compared with plain SQL counts; then the dashboard's
// query times. Exit code 1 on any difference. DOSSIERS=… changes the size.

const DOSSIERS = Number(process.env.DOSSIERS ?? 10_000);
const CONCURRENCY = 8;
const START = new Date('2026-01-05T08:00:00Z');
const NOW = new Date('2026-05-20T10:00:00Z');
const MONTHS = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05'];
const FINAL_STATES = ['refusee', 'retiree', 'demissionnaire'];
const TIMED_ROUNDS = 20;

if (!process.env.DATABASE_URL) {
  process.env.DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';
}
const database = await openTestDatabase({ driver: 'postgres' });
try {
  await ensureJobSchema(database);
  const world = await membershipWorld(database.db);
  let began = performance.now();
  const drafts = await seedMembershipDrafts(database, world, DOSSIERS);
  console.log(`${DOSSIERS.toLocaleString('fr-FR')} drafts written in ${ms(began)}`);
  began = performance.now();
  const played = await playMembershipLives(database, world, drafts, {
    start: START,
    spanDays: 90,
    concurrency: CONCURRENCY,
  });
  console.log(
    `${played.transitions.toLocaleString('fr-FR')} transitions through the services in ${ms(began)} (${CONCURRENCY} at once)`,
  );
  await database.executeSql('analyze');

  const subtrees: Record<string, string[] | null> = {
    tenant: null,
    confederation: world.unionUnits,
    'ur-ara': ['ur-ara', 'ul-lyon-sante', 'ul-lyon-industrie'],
    'ur-idf': ['ur-idf', 'ul-paris-sante', 'ul-paris-services'],
    'ul-lyon-sante': ['ul-lyon-sante'],
    'ul-lyon-industrie': ['ul-lyon-industrie'],
    'ul-paris-sante': ['ul-paris-sante'],
    'ul-paris-services': ['ul-paris-services'],
  };
  let differences = 0;
  const totals = { transfersIn: 0, members: 0 };
  for (const [level, codes] of Object.entries(subtrees)) {
    for (const month of MONTHS) {
      const period = parisPeriod(new Date(`${month}-15T12:00:00Z`));
      const input = {
        demarcheId: world.demarcheId,
        ...(codes === null ? {} : { unit: level }),
        period: { from: period.from, to: period.to },
      };
      const answer = await dashboardFigures(
        { db: database.db, viewer: world.admin, now: NOW },
        input,
      );
      if (!answer.ok) throw new Error(answer.error.message);
      const expected = await oracleFigures(database, {
        tenantId: world.tenantId,
        demarcheId: world.demarcheId,
        codes,
        start: period.start,
        end: period.end,
        now: NOW,
        finalStates: FINAL_STATES,
      });
      const got = comparable(answer.value);
      if (JSON.stringify(got) !== JSON.stringify(sorted(expected, got))) {
        differences += 1;
        console.log(
          `DIFFERENT ${level} ${month}\n  dashboard: ${JSON.stringify(got)}\n  SQL:       ${JSON.stringify(expected)}`,
        );
      }
      if (level === 'confederation') {
        totals.members +=
          answer.value.states.find((s) => s.state === 'adherent_actif')?.entered ?? 0;
      }
      if (level.startsWith('ul-')) totals.transfersIn += answer.value.transfers.in;
    }
  }
  console.log(
    `${Object.keys(subtrees).length} levels × ${MONTHS.length} months checked against SQL counts: ${differences} difference(s); ` +
      `${totals.members} entries into « Adhérent actif » at the confederation, ${totals.transfersIn} transfers into local unions`,
  );

  // The default period (the current month, quiet: May) and the busiest one (February:
  // about 6,000 transitions of the 10,000 members' lives).
  const timings: Record<string, number[]> = {};
  const busy = { from: '2026-02-01', to: '2026-02-28' };
  for (let round = 0; round < TIMED_ROUNDS; round += 1) {
    for (const [level, codes] of Object.entries(subtrees)) {
      if (!['tenant', 'confederation', 'ur-ara', 'ul-lyon-sante'].includes(level)) continue;
      for (const [label, period] of [
        ['mai', undefined],
        ['février', busy],
      ] as const) {
        const input = {
          demarcheId: world.demarcheId,
          ...(codes === null ? {} : { unit: level }),
          ...(period === undefined ? {} : { period }),
        };
        const began = performance.now();
        const answer = await dashboardFigures(
          { db: database.db, viewer: world.admin, now: NOW },
          input,
        );
        const key = `${level}, ${label}`;
        timings[key] = [...(timings[key] ?? []), performance.now() - began];
        if (!answer.ok) throw new Error(answer.error.message);
      }
    }
  }
  console.log('\n| level, month | p50 ms | p95 ms |\n| --- | --- | --- |');
  for (const [level, samples] of Object.entries(timings)) {
    console.log(
      `| ${level} | ${percentile(samples, 0.5).toFixed(1)} | ${percentile(samples, 0.95).toFixed(1)} |`,
    );
  }
  const all = Object.values(timings).flat();
  console.log(
    `RESULT ${JSON.stringify({ dossiers: DOSSIERS, transitions: played.transitions, differences, p50_ms: round1(percentile(all, 0.5)), p95_ms: round1(percentile(all, 0.95)) })}`,
  );
  process.exitCode = differences === 0 ? 0 : 1;
} finally {
  await database.close();
}

function ms(began: number): string {
  return `${((performance.now() - began) / 1000).toFixed(1)} s`;
}

function percentile(samples: number[], p: number): number {
  const ordered = [...samples].sort((a, b) => a - b);
  return ordered[Math.min(ordered.length - 1, Math.floor(p * ordered.length))] ?? 0;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** `expected` with its states in the order of `got`, so JSON texts compare. */
function sorted<T extends { states: Record<string, unknown> }>(expected: T, got: T): T {
  const keys = [
    ...Object.keys(got.states),
    ...Object.keys(expected.states).filter((k) => !(k in got.states)),
  ];
  return {
    ...expected,
    states: Object.fromEntries(
      keys.filter((k) => k in expected.states).map((k) => [k, expected.states[k]]),
    ),
  };
}
