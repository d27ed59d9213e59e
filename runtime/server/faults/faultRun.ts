import postgres from 'postgres';
import { signInCitizens } from '../bench/signInCitizens.ts';
import type { CitizenSession } from '../bench/submitOverHttp.ts';
import { type SmtpSink, startSmtpSink } from '../effects/testing/startSmtpSink.ts';
import { SEEDED_PASSWORD } from '../testing/seedTenant.ts';
import { freePort, type ServerProcess, startServerProcess } from '../testing/serverProcess.ts';
import { type FaultWorld, prepareFaultWorld } from './faultWorld.ts';

/** One scenario's world: its database, its SMTP sink, the server process, signed-in clients. */
export interface FaultRun extends FaultWorld {
  sink: SmtpSink;
  server: ServerProcess;
  sessions: CitizenSession[];
  /** Starts a new server process on the same port and database (after a kill). */
  restart(): Promise<ServerProcess>;
  /** Terminates every connection to the scratch database but the admin's own. */
  dropConnections(): Promise<number>;
  /** Ids of the notify jobs that are active right now. */
  activeNotifyJobs(): Promise<string[]>;
  /** The outcome (`output.status`) of each of these notify jobs that has completed. */
  completedJobs(ids: string[]): Promise<string[]>;
  /** Stops the server (SIGKILL if still there), the sink, and drops the database. */
  close(): Promise<void>;
}

/**
 * Sets up a scenario: a seeded scratch database, an SMTP sink, the real server as a
 * child process pointed at both, and `clients` citizens signed in over HTTP.
 *
 * @example
 * const run = await startFaultRun(baseUrl, { clients: 8, perClient: 40 });
 */
export async function startFaultRun(
  baseUrl: string,
  plan: { clients: number; perClient: number; smtpAnswerDelayMs?: number },
): Promise<FaultRun> {
  const world = await prepareFaultWorld(baseUrl, plan.clients, plan.perClient);
  const sink = await startSmtpSink({ answerDelayMs: plan.smtpAnswerDelayMs ?? 0 });
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  const env = {
    DATABASE_URL: world.scratch.url,
    PORT: String(await freePort()),
    SMTP_HOST: sink.host,
    SMTP_PORT: String(sink.port),
  };
  const run: FaultRun = {
    ...world,
    sink,
    server: await startServerProcess(env),
    sessions: [],
    async restart() {
      run.server = await startServerProcess(env);
      return run.server;
    },
    async dropConnections() {
      const rows = await admin`
        select pg_terminate_backend(pid) from pg_stat_activity
        where datname = ${world.name} and pid <> pg_backend_pid()`;
      return rows.length;
    },
    async activeNotifyJobs() {
      const scratch = postgres(world.scratch.url, { max: 1, onnotice: () => {} });
      try {
        const rows = await scratch<Array<{ id: string }>>`
          select id::text from pgboss.job where name = 'effect-notify' and state = 'active'`;
        return rows.map((row) => row.id);
      } finally {
        await scratch.end();
      }
    },
    async completedJobs(ids) {
      const scratch = postgres(world.scratch.url, { max: 1, onnotice: () => {} });
      try {
        const rows = await scratch<Array<{ status: string }>>`
          select output->>'status' as status from pgboss.job
          where id = any(${ids}::uuid[]) and state = 'completed'
          union all
          select output->>'status' from pgboss.archive
          where id = any(${ids}::uuid[]) and state = 'completed'`;
        return rows.map((row) => row.status);
      } finally {
        await scratch.end();
      }
    },
    async close() {
      if (run.server.child.exitCode === null && run.server.child.signalCode === null) {
        run.server.child.kill('SIGKILL');
        await run.server.exited;
      }
      await sink.close();
      await admin.end();
      await world.scratch.drop();
    },
  };
  run.sessions = await signInCitizens(
    run.server.url,
    world.world.slug,
    world.citizens,
    SEEDED_PASSWORD,
  );
  return run;
}

/** Distinct notification mails received (by Message-ID) and copies beyond the first. */
export function mailsReceived(sink: SmtpSink): { distinct: number; duplicates: number } {
  const ids = sink.messages.map((mail) => mail.headers['message-id'] ?? '');
  const distinct = new Set(ids).size;
  return { distinct, duplicates: ids.length - distinct };
}

/** Waits until `count` distinct mails arrived; resolves with the time it took. */
export async function waitForMails(sink: SmtpSink, count: number, timeoutMs: number) {
  const startedAt = performance.now();
  while (mailsReceived(sink).distinct < count) {
    if (performance.now() - startedAt > timeoutMs) {
      throw new Error(`${mailsReceived(sink).distinct} of ${count} mails after ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return performance.now() - startedAt;
}
