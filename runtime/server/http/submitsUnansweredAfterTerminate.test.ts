import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLostTypeFetch } from '../../db/driver/lostTypeFetch.ts';
import { testDrivers } from '../../db/testing/index.ts';
import { seedBenchCitizens } from '../bench/seedBenchCitizens.ts';
import { type BenchDraft, seedBenchDrafts } from '../bench/seedBenchDrafts.ts';
import { signInCitizens } from '../bench/signInCitizens.ts';
import type { CitizenSession } from '../bench/submitOverHttp.ts';
import { runSubmitLoad } from '../faults/submitLoad.ts';
import { SEEDED_PASSWORD, seedTenant } from '../testing/seedTenant.ts';
import { startTestServer, type TestServer } from '../testing/startTestServer.ts';

const CLIENTS = 16;
/** With `thinkMs` below, each client's drafts span ≥ 6 s: many terminations hit the load
 * (10 drafts with 5 ms pauses were all submitted within 2 s on a quiet CI machine, between
 * only three terminations). */
const PER_CLIENT = 40;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// PostgreSQL only: PGlite runs in the process and has no backend to terminate.
for (const kind of testDrivers().filter((driver) => driver === 'postgres')) {
  describe(`submits while the database's backends are terminated [${kind}]`, () => {
    let server: TestServer;
    let admin: postgres.Sql;
    let databaseName: string;
    let sessions: CitizenSession[];
    let drafts: BenchDraft[][];
    beforeAll(async () => {
      server = await startTestServer();
      const owner = server.ownerDatabase;
      const world = await seedTenant(owner.db);
      const citizens = await seedBenchCitizens(owner.executeSql, world, CLIENTS);
      drafts = await seedBenchDrafts(owner.executeSql, {
        tenantId: world.tenantId,
        demarcheId: world.demarche.id,
        version: world.demarche.version,
        applicantIds: citizens.map((citizen) => citizen.id),
        perApplicant: PER_CLIENT,
      });
      sessions = await signInCitizens(server.url, world.slug, citizens, SEEDED_PASSWORD);
      const { rows } = await owner.executeSql('select current_database() as name');
      databaseName = (rows[0] as { name: string }).name;
      admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    }, 60_000);
    afterAll(async () => {
      await admin?.end();
      await server?.close();
    });

    it('answers every submit when every backend is terminated again and again (two submits were never answered)', async () => {
      // What the server process does (openPostgres): postgres.js's unawaited type fetch,
      // cut by a termination, is let go; vitest would report it. Nothing else may occur.
      const vitestListeners = process.listeners('unhandledRejection');
      process.removeAllListeners('unhandledRejection');
      const otherRejections: unknown[] = [];
      const record = (reason: unknown) => {
        if (!isLostTypeFetch(reason)) otherRejections.push(reason);
      };
      process.on('unhandledRejection', record);
      let terminations = 0;
      try {
        const load = runSubmitLoad({
          url: server.url,
          sessions,
          drafts,
          thinkMs: 150,
          deadline: Date.now() + 12_000,
          answerTimeoutMs: 10_000,
        });
        let loading = true;
        void load.finally(() => {
          loading = false;
        });
        // Every few hundred ms, and in bursts a few ms apart: right after BEGIN, mid-
        // pipeline, during COMMIT, and while the pool reconnects.
        while (loading) {
          terminations += 1;
          await pause(
            terminations % 4 === 0 ? 2 + (terminations % 9) : 300 + ((terminations * 53) % 500),
          );
          await admin`select pg_terminate_backend(pid) from pg_stat_activity
            where datname = ${databaseName} and pid <> pg_backend_pid()`;
        }
        const outcome = await load;
        expect(outcome.unanswered).toBe(0);
        expect(outcome.resets).toBe(0);
        expect(outcome.statuses.get(500) ?? 0).toBe(0);
        // Terminated every few hundred ms, the server still gets work done in between,
        // answering 503 while it reconnects.
        expect(outcome.acknowledged.size).toBeGreaterThan(CLIENTS);
        expect(outcome.statuses.get(503) ?? 0).toBeGreaterThan(0);
        expect(terminations).toBeGreaterThan(10);
      } finally {
        process.removeListener('unhandledRejection', record);
        for (const listener of vitestListeners) process.on('unhandledRejection', listener);
      }
      expect(otherRejections).toEqual([]);
    }, 60_000);
  });
}
