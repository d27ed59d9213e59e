import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createScratchDatabase,
  type ScratchDatabase,
} from '../../runtime/db/testing/createScratchDatabase.ts';
import {
  type SmtpSink,
  startSmtpSink,
} from '../../runtime/server/effects/testing/startSmtpSink.ts';
import {
  freePort,
  type ServerProcess,
  startServerProcess,
} from '../../runtime/server/testing/serverProcess.ts';
import { WEB_OUT_DIR } from '../../runtime/server/webBuild/webApps.ts';

/** The server a journey runs against, with the mail it sends. */
export interface GuichetServer {
  /** Origin the browser opens, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** The server's PostgreSQL database, or null on PGlite (inside the server's process). */
  databaseUrl: string | null;
  /** Every mail the server sent (password resets, notifications…). */
  mail: SmtpSink;
  /** What the process printed, for a failing journey. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts the real server as `npm start` does — its own process, the demo tenant seeded,
 * the worker and the timers running — on a database of its own: a scratch PostgreSQL
 * database when `DATABASE_URL` is set, PGlite in a temporary folder otherwise. The web
 * apps are served from the build `e2e/support/globalSetup.ts` made once for the run.
 *
 * @example
 * const server = await startGuichet();
 * await page.goto(server.url);
 * await server.stop();
 */
export async function startGuichet(
  /** More settings for the server, e.g. `{ GUICHET_EXPORT_AT_ONCE_ROWS: '4' }`. */
  settings: Record<string, string> = {},
): Promise<GuichetServer> {
  const mail = await startSmtpSink();
  const baseUrl = process.env.DATABASE_URL;
  let scratch: ScratchDatabase | null = null;
  let dataDir: string | null = null;
  let server: ServerProcess | null = null;
  try {
    const database: Record<string, string> = {};
    if (baseUrl) {
      scratch = await createScratchDatabase(baseUrl);
      database.DATABASE_URL = scratch.url;
    } else {
      dataDir = await mkdtemp(join(tmpdir(), 'guichet-e2e-'));
      database.GUICHET_DATA_DIR = dataDir;
    }
    const port = await freePort();
    server = await startServerProcess(
      {
        ...database,
        PORT: String(port),
        GUICHET_WEB_ROOT: WEB_OUT_DIR,
        SMTP_HOST: mail.host,
        SMTP_PORT: String(mail.port),
        ...settings,
      },
      120_000,
    );
  } catch (error) {
    await mail.close();
    await scratch?.drop().catch(() => {});
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  const started = server;
  return {
    url: started.url,
    databaseUrl: scratch?.url ?? null,
    mail,
    output: () => started.output(),
    async stop() {
      started.child.kill('SIGTERM');
      await started.exited;
      await mail.close();
      await scratch?.drop();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
