import type { ClamdTarget } from './attachments/virusScanner.ts';

/** Runtime settings, read once from the environment at start-up. */
export interface ServerConfig {
  port: number;
  host: string;
  /** postgres://… switches from the embedded PGlite to PostgreSQL. */
  databaseUrl: string | null;
  /** PGlite data folder when no DATABASE_URL is given. */
  dataDir: string;
  /** Built web apps served on the same port. */
  webRoot: string;
  /** Behind a TLS-terminating proxy: adds HSTS. */
  tls: boolean;
  /** Behind one trusted reverse proxy: the client address is the last X-Forwarded-For hop. */
  trustProxy: boolean;
  smtp: { host: string; port: number; from: string } | null;
  /** Key for HMAC signatures of outbound webhooks. */
  webhookSecret: string;
  /**
   * Pause between two runs of the timers (`after` transitions); 0 runs none in this
   * process (another one fires them).
   */
  timerIntervalSeconds: number;
  /**
   * The clamd daemon that scans uploaded files (SECURITY §16): `CLAMD_SOCKET`, or
   * `CLAMD_HOST` and `CLAMD_PORT` (3310). Null: files are recorded `not_scanned`.
   */
  clamd: ClamdTarget | null;
}

/**
 * Reads the configuration from environment variables, with defaults that run the
 * product on one machine with nothing else installed.
 *
 * @example
 * const config = loadConfig(process.env);
 */
export function loadConfig(env: Record<string, string | undefined>): ServerConfig {
  const smtpHost = env.SMTP_HOST;
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || null,
    dataDir: env.GUICHET_DATA_DIR ?? '.data/pglite',
    webRoot: env.GUICHET_WEB_ROOT ?? 'runtime/web/public',
    tls: env.GUICHET_TLS === '1',
    trustProxy: env.GUICHET_TRUST_PROXY === '1',
    smtp: smtpHost
      ? {
          host: smtpHost,
          port: Number(env.SMTP_PORT ?? 25),
          from: env.SMTP_FROM ?? 'Guichet <ne-pas-repondre@guichet.localhost>',
        }
      : null,
    webhookSecret: env.GUICHET_WEBHOOK_SECRET ?? 'dev-only-webhook-secret-change-me',
    timerIntervalSeconds: seconds(env, 'GUICHET_TIMER_INTERVAL_SECONDS', 60),
    clamd: env.CLAMD_SOCKET
      ? { socket: env.CLAMD_SOCKET }
      : env.CLAMD_HOST
        ? { host: env.CLAMD_HOST, port: tcpPort(env, 'CLAMD_PORT', 3310) }
        : null,
  };
}

/** A non-negative number of seconds; a typo fails the start instead of spinning a loop. */
function seconds(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) {
    throw new Error(`${name} must be a number of seconds (0 or more), got ${JSON.stringify(raw)}`);
  }
  return value;
}

/** A TCP port; a typo fails the start instead of leaving every upload unscanned. */
function tcpPort(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65_535) {
    throw new Error(`${name} must be a TCP port (1 to 65535), got ${JSON.stringify(raw)}`);
  }
  return value;
}
