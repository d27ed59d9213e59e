import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's clamd, which `.ci/run` installs (package clamav-daemon). */
const CLAMD = '/usr/sbin/clamd';

/**
 * The EICAR test file: every antivirus flags it, and it harms nothing. Tests embed it in
 * otherwise valid files (a PDF) to check the whole path.
 */
export const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

/** The name clamd gives the test signature below. */
export const EICAR_SIGNATURE = 'Guichet.Test.EICAR.UNOFFICIAL';

export interface TestClamd {
  socket: string;
  /** Stops the daemon (a scanner that is down), keeping its folder. */
  stop(): Promise<void>;
  /** Starts it again on the same socket. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A real clamd for tests, on a Unix socket in a temporary folder, whose only signature
 * database is one EICAR signature written here: no download of virus definitions
 * (nothing may be fetched at run time), and it starts in about a second.
 *
 * @example
 * const clamd = await startClamd();
 * const scanner = clamdScanner({ socket: clamd.socket });
 * await clamd.close();
 */
export async function startClamd(): Promise<TestClamd> {
  if (!existsSync(CLAMD)) {
    throw new Error(
      `guichet tests: ${CLAMD} is missing; install Debian's clamav-daemon (.ci/run does it)`,
    );
  }
  const folder = await mkdtemp(join(tmpdir(), 'guichet-clamd-'));
  const databaseDir = join(folder, 'db');
  await mkdir(databaseDir);
  const hex = Buffer.from(EICAR, 'latin1').toString('hex');
  await writeFile(join(databaseDir, 'guichet-test.ndb'), `Guichet.Test.EICAR:0:*:${hex}\n`);
  const socket = join(folder, 'clamd.sock');
  const config = join(folder, 'clamd.conf');
  await writeFile(
    config,
    [
      'Foreground yes',
      `LocalSocket ${socket}`,
      `DatabaseDirectory ${databaseDir}`,
      `TemporaryDirectory ${folder}`,
      `PidFile ${join(folder, 'clamd.pid')}`,
      'LogFile /dev/null',
      ...(process.getuid?.() === 0 ? ['User root'] : []),
    ].join('\n'),
  );
  let daemon: ChildProcess | undefined;
  const start = async () => {
    await rm(socket, { force: true });
    const child = spawn(CLAMD, ['-c', config], { stdio: 'ignore' });
    daemon = child;
    const deadline = Date.now() + 20_000;
    while (!existsSync(socket)) {
      if (child.exitCode !== null) throw new Error(`clamd exited with ${child.exitCode}`);
      if (Date.now() > deadline) throw new Error('clamd did not start within 20 s');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const stop = async () => {
    const child = daemon;
    daemon = undefined;
    if (child === undefined || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  await start();
  return {
    socket,
    stop,
    restart: start,
    async close() {
      await stop();
      await rm(folder, { recursive: true, force: true });
    },
  };
}
