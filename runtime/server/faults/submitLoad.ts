import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import type { BenchDraft } from '../bench/seedBenchDrafts.ts';
import type { CitizenSession } from '../bench/submitOverHttp.ts';

/** What the clients saw during one load. */
export interface LoadOutcome {
  /** Dossier ids whose submit was answered 200 `depose`. */
  acknowledged: Set<string>;
  /** Answers other than 200, by status. */
  statuses: Map<number, number>;
  /** Connections reset or closed after the server accepted them, without an answer. */
  resets: number;
  /** Connection attempts refused (no server listening). */
  refused: number;
  /** Kept-alive sockets the server had already closed when a request was written on
   * them: the server never read it, and browsers resend it, as these clients do. */
  staleSockets: number;
  /** Requests the server read and never answered within `ANSWER_TIMEOUT_MS`. */
  unanswered: number;
}

/** A submit unanswered after this long counts as `unanswered` (the server hung on it). */
const ANSWER_TIMEOUT_MS = 15_000;

interface LoadPlan {
  url: string;
  sessions: CitizenSession[];
  /** `drafts[client]`, submitted in order, one at a time per client. */
  drafts: BenchDraft[][];
  /** Pause between two submits of a client, so the load lasts long enough to be hit. */
  thinkMs: number;
  /** A draft not acknowledged by then is abandoned (its last attempt may still commit). */
  deadline: number;
  /** A submit unanswered after this long counts as `unanswered`; `ANSWER_TIMEOUT_MS` if unset. */
  answerTimeoutMs?: number;
}

/**
 * Citizens submitting their drafts over HTTP, each on its own kept-alive `node:http`
 * connection from its own loopback address. A submit that gets no answer, a 503 or a
 * 500 is sent again with the SAME idempotency key until acknowledged, as the web app
 * does: a submit that committed before the fault is then answered from its stored
 * result, never applied twice.
 *
 * @example
 * const outcome = await runSubmitLoad({ url, sessions, drafts, thinkMs: 50, deadline });
 */
export async function runSubmitLoad(plan: LoadPlan): Promise<LoadOutcome> {
  const outcome: LoadOutcome = {
    acknowledged: new Set(),
    statuses: new Map(),
    resets: 0,
    refused: 0,
    staleSockets: 0,
    unanswered: 0,
  };
  await Promise.all(
    plan.sessions.map(async (session, index) => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      try {
        for (const draft of plan.drafts[index] ?? []) {
          await submitUntilAcknowledged(plan, session, agent, draft, outcome);
          await new Promise((resolve) => setTimeout(resolve, plan.thinkMs));
        }
      } finally {
        agent.destroy();
      }
    }),
  );
  return outcome;
}

async function submitUntilAcknowledged(
  plan: LoadPlan,
  session: CitizenSession,
  agent: Agent,
  draft: BenchDraft,
  outcome: LoadOutcome,
): Promise<void> {
  const body = JSON.stringify({
    id: draft.id,
    transition: 'deposer',
    revision: draft.revision,
    idempotencyKey: randomUUID(),
  });
  while (Date.now() < plan.deadline) {
    const answer = await post(plan, session, agent, body);
    if (answer.kind === 'answer') {
      if (answer.status === 200 && answer.body.includes('"state":"depose"')) {
        outcome.acknowledged.add(draft.id);
        return;
      }
      outcome.statuses.set(answer.status, (outcome.statuses.get(answer.status) ?? 0) + 1);
      // Anything but "not now" is final for this draft.
      if (answer.status !== 503 && answer.status !== 500 && answer.status !== 429) return;
    } else if (answer.kind === 'refused') outcome.refused += 1;
    else if (answer.kind === 'stale') outcome.staleSockets += 1;
    else if (answer.kind === 'unanswered') outcome.unanswered += 1;
    else outcome.resets += 1;
    if (answer.kind !== 'stale') await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

type PostResult =
  | { kind: 'answer'; status: number; body: string }
  | { kind: 'refused' | 'stale' | 'reset' | 'unanswered' };

function post(plan: LoadPlan, session: CitizenSession, agent: Agent, body: string) {
  return new Promise<PostResult>((resolve) => {
    const req = request(
      `${plan.url}/trpc/dossiers.submit`,
      {
        method: 'POST',
        agent,
        localAddress: session.ip,
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(body),
          Cookie: session.cookie,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            kind: 'answer',
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString(),
          }),
        );
        res.on('error', () => resolve({ kind: 'reset' }));
      },
    );
    req.setTimeout(plan.answerTimeoutMs ?? ANSWER_TIMEOUT_MS, () => {
      resolve({ kind: 'unanswered' });
      req.destroy();
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNREFUSED') resolve({ kind: 'refused' });
      else if (req.reusedSocket && !req.writableFinished) resolve({ kind: 'stale' });
      else if (req.reusedSocket && error.code === 'ECONNRESET') resolve({ kind: 'stale' });
      else resolve({ kind: 'reset' });
    });
    req.end(body);
  });
}
