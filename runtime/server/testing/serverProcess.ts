import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../../..');

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Everything the process wrote, stdout and stderr, for a failing assertion. */
  output(): string;
  /** Resolves with the exit code (null when killed by a signal) once the process ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** A free loopback port, found by listening on port 0 and closing. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/**
 * Starts `runtime/server/main.ts` as a child process, as `npm start` does (tsx, the
 * project's Node 24), with `env` added to the environment, and resolves once
 * `/healthz` answers. Timers run every 5 s so they are part of what gets interrupted.
 *
 * @example
 * const server = await startServerProcess({ DATABASE_URL: url, PORT: String(port) });
 */
export async function startServerProcess(
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<ServerProcess> {
  // `node --import tsx`, not the `tsx` command: that one runs the server in a child
  // process of its own, so a SIGKILL would hit the wrapper and leave the server running.
  const node = join(ROOT, 'node_modules/.bin/node');
  const child = spawn(node, ['--import', 'tsx', 'runtime/server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH ?? ''}`,
      GUICHET_TIMER_INTERVAL_SECONDS: '5',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = `http://127.0.0.1:${env.PORT}`;
  const deadline = Date.now() + timeoutMs;
  let ended = false;
  void exited.then(() => {
    ended = true;
  });
  for (;;) {
    if (ended) throw new Error(`server exited during start-up:\n${output}`);
    const healthy = await fetch(`${url}/healthz`).then(
      (answer) => answer.ok,
      () => false,
    );
    if (healthy) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server not up after ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, child, output: () => output, exited };
}

/**
 * Polls `/readyz` until it answers 200 (the database answers); resolves with how long
 * that took, or throws after `timeoutMs`.
 */
export async function waitUntilReady(url: string, timeoutMs: number): Promise<number> {
  const startedAt = performance.now();
  for (;;) {
    const ready = await fetch(`${url}/readyz`).then(
      (answer) => answer.status === 200,
      () => false,
    );
    if (ready) return performance.now() - startedAt;
    if (performance.now() - startedAt > timeoutMs) {
      throw new Error(`/readyz not 200 after ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
