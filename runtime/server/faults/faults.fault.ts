import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { waitUntilReady } from '../testing/serverProcess.ts';
import { checkStored } from './checkStored.ts';
import { type FaultRun, mailsReceived, startFaultRun, waitForMails } from './faultRun.ts';
import { type FaultRow, formatFaultTable } from './faultTable.ts';
import { runSubmitLoad } from './submitLoad.ts';

// `npm run test:faults`: the real server as a child process on a scratch PostgreSQL
// database, citizens submitting over HTTP, and faults injected mid-load. Each scenario
// asserts what the clients were told against what the database holds.

const baseUrl = process.env.DATABASE_URL;
if (!baseUrl?.startsWith('postgres')) {
  throw new Error(
    'npm run test:faults needs DATABASE_URL=postgres://… (a PostgreSQL server where it may ' +
      'create scratch databases, e.g. postgres://postgres@127.0.0.1:5432/test): nothing was run.',
  );
}

const CLIENTS = 8;
const RECOVERY_BOUND_MS = 30_000;
/**
 * A job left active by a killed worker: its expiry (60 s), then at most one maintenance
 * interval (10 s) until pg-boss notices, then the queue's retry backoff, which pg-boss
 * applies to expired jobs too (first retry: 30–60 s), then sending. With room.
 */
const REDELIVERY_BOUND_MS = 180_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const rows: FaultRow[] = [];
let run: FaultRun | undefined;

afterEach(async () => {
  await run?.close();
  run = undefined;
});

afterAll(() => {
  if (rows.length > 0)
    console.log(`\nFault injection (${CLIENTS} clients)\n${formatFaultTable(rows)}`);
});

function loadOf(current: FaultRun, thinkMs: number) {
  return runSubmitLoad({
    url: current.server.url,
    sessions: current.sessions,
    drafts: current.drafts,
    thinkMs,
    deadline: Date.now() + 50_000,
  });
}

describe('fault injection', () => {
  it('database connections dropped 3 times mid-load: 503 while away, nothing lost or doubled', async () => {
    run = await startFaultRun(baseUrl, { clients: CLIENTS, perClient: 40 });
    const current = run;
    const load = loadOf(current, 60);
    let recoveryMs = 0;
    for (const pause of [1_000, 1_500, 1_500]) {
      await sleep(pause);
      const startedAt = performance.now();
      await current.dropConnections();
      await waitUntilReady(current.server.url, RECOVERY_BOUND_MS);
      recoveryMs = Math.max(recoveryMs, performance.now() - startedAt);
    }
    const outcome = await load;
    expect(current.server.child.exitCode).toBeNull();
    const check = await checkStored(current.scratch.url, outcome.acknowledged);
    rows.push({
      scenario: 'a. database connections dropped ×3',
      load: outcome,
      check,
      recoveryMs,
      note: `stale keep-alive resent ${outcome.staleSockets}, unanswered ${outcome.unanswered}`,
    });
    expect(outcome.acknowledged.size).toBe(CLIENTS * 40);
    expect(check).toMatchObject({ lost: 0, duplicated: 0, halfWritten: 0 });
    expect(outcome.statuses.get(500) ?? 0).toBe(0);
    expect(outcome.resets).toBe(0);
    expect(outcome.unanswered).toBe(0);
    expect(recoveryMs).toBeLessThan(RECOVERY_BOUND_MS);
  });

  it('kill -9 mid-load, then restart: acknowledged submits stored once, their mails delivered', async () => {
    run = await startFaultRun(baseUrl, { clients: CLIENTS, perClient: 20 });
    const current = run;
    const load = loadOf(current, 40);
    await sleep(1_500);
    const killedAt = performance.now();
    current.server.child.kill('SIGKILL');
    await current.server.exited;
    await current.restart();
    const recoveryMs = performance.now() - killedAt;
    const outcome = await load;
    const check = await checkStored(current.scratch.url, outcome.acknowledged);
    const mailMs = await waitForMails(current.sink, check.submitted, REDELIVERY_BOUND_MS);
    const mails = mailsReceived(current.sink);
    rows.push({
      scenario: 'b. kill -9 mid-load, restart',
      load: outcome,
      check,
      recoveryMs,
      note: `stale keep-alive resent ${outcome.staleSockets}; mails ${mails.distinct}/${check.submitted}, ${mails.duplicates} dup, all in ${(mailMs / 1000).toFixed(1)} s after load`,
    });
    expect(outcome.acknowledged.size).toBe(CLIENTS * 20);
    expect(check).toMatchObject({ lost: 0, duplicated: 0, halfWritten: 0 });
    expect(outcome.statuses.get(500) ?? 0).toBe(0);
    expect(mails.duplicates).toBe(0);
  });

  it('kill -9 while mail jobs are in flight: every mail delivered once after restart', async () => {
    run = await startFaultRun(baseUrl, {
      clients: CLIENTS,
      perClient: 2,
      smtpAnswerDelayMs: 5_000,
    });
    const current = run;
    const outcome = await loadOf(current, 0);
    // The sink holds each `250 OK` 5 s: once two mails are in, the next ones are held.
    const waitedFrom = performance.now();
    while (current.sink.messages.length < 2 || (await current.activeNotifyJobs()).length === 0) {
      if (performance.now() - waitedFrom > 60_000) {
        throw new Error(`no mail job in flight after 60 s:\n${current.server.output()}`);
      }
      await sleep(100);
    }
    const killedAt = performance.now();
    current.server.child.kill('SIGKILL');
    await current.server.exited;
    // What the dead process left active, read once it is gone.
    const active = await current.activeNotifyJobs();
    expect(active.length).toBeGreaterThan(0);
    await current.restart();
    const check = await checkStored(current.scratch.url, outcome.acknowledged);
    // The jobs the kill left active must run again (redelivered once expired), and
    // their mails go out once in all: before the kill, or after it, never both.
    let outcomes: string[] = [];
    while (outcomes.length < active.length) {
      if (performance.now() - killedAt > REDELIVERY_BOUND_MS) break;
      await sleep(500);
      outcomes = await current.completedJobs(active);
    }
    const redeliveryMs = performance.now() - killedAt;
    await waitForMails(current.sink, check.submitted, REDELIVERY_BOUND_MS);
    const mails = mailsReceived(current.sink);
    rows.push({
      scenario: 'c. kill -9 with mails in flight',
      load: outcome,
      check,
      recoveryMs: redeliveryMs,
      note: `${active.length} jobs active at kill, rerun as ${outcomes.join('/') || 'nothing'}; mails ${mails.distinct}/${check.submitted}, ${mails.duplicates} dup; recovery = killed jobs rerun`,
    });
    expect(outcomes).toHaveLength(active.length);
    expect(check).toMatchObject({ lost: 0, duplicated: 0, halfWritten: 0 });
    expect(mails.distinct).toBe(check.submitted);
    expect(mails.duplicates).toBe(0);
  });

  it('SIGTERM mid-load: accepted requests answered, exit code 0 within 15 s', async () => {
    run = await startFaultRun(baseUrl, { clients: CLIENTS, perClient: 30 });
    const current = run;
    const load = loadOf(current, 40);
    await sleep(1_500);
    const stoppedAt = performance.now();
    current.server.child.kill('SIGTERM');
    const exit = await current.server.exited;
    const shutdownMs = performance.now() - stoppedAt;
    await current.restart();
    const outcome = await load;
    const check = await checkStored(current.scratch.url, outcome.acknowledged);
    rows.push({
      scenario: 'd. SIGTERM mid-load, restart',
      load: outcome,
      check,
      recoveryMs: null,
      note: `exit ${exit.code} after ${(shutdownMs / 1000).toFixed(1)} s; refused ${outcome.refused}, stale keep-alive resent ${outcome.staleSockets}`,
    });
    expect(exit.code).toBe(0);
    expect(shutdownMs).toBeLessThan(15_000);
    expect(outcome.acknowledged.size).toBe(CLIENTS * 30);
    expect(check).toMatchObject({ lost: 0, duplicated: 0, halfWritten: 0 });
    expect([...outcome.statuses.keys()].filter((status) => status >= 500)).toEqual([]);
    expect(outcome.resets).toBe(0);
    expect(outcome.unanswered).toBe(0);
  });
});
