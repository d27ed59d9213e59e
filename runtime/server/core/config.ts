/** Where clamd listens: a Unix socket, or a TCP host and port. */
export type ClamdTarget = { socket: string } | { host: string; port: number };

import { type AccountQuotas, DEFAULT_QUOTAS } from './accountQuotas.ts';

/** Runtime settings, read once from the environment at start-up. */
export interface ServerConfig {
  port: number;
  host: string;
  /** postgres://… switches from the embedded PGlite to PostgreSQL. */
  databaseUrl: string | null;
  /**
   * PostgreSQL only: how the server connects as the app role `guichet_app` (its
   * password). Default: `databaseUrl` with the user `guichet_app` and no password.
   */
  appDatabaseUrl: string | null;
  /** PGlite data folder when no DATABASE_URL is given. */
  dataDir: string;
  /** Built web apps served on the same port. */
  webRoot: string;
  /** Behind a TLS-terminating proxy: adds HSTS. */
  tls: boolean;
  /**
   * The origin browsers see, e.g. `https://guichet.example.fr`: state-changing requests
   * from any other origin are refused (CSRF). Null: the origin the request was sent to
   * (scheme from `tls`, host from the Host header).
   */
  publicOrigin: string | null;
  /** Behind one trusted reverse proxy: the client address is the last X-Forwarded-For hop. */
  trustProxy: boolean;
  /**
   * The tenant (slug) whose apps answer on an address that is no tenant's own host
   * (`GUICHET_DEFAULT_TENANT`; `npm start` sets `demo`). Null: such an address serves no
   * page (docs/SECURITY.md §133).
   */
  defaultTenant: string | null;
  smtp: { host: string; port: number; from: string } | null;
  /** Key for HMAC signatures of outbound webhooks. */
  webhookSecret: string;
  /**
   * Pause between two runs of the timers (`after` transitions); 0 runs none in this
   * process (another one fires them).
   */
  timerIntervalSeconds: number;
  /**
   * The clamd daemon that scans uploaded files (docs/SECURITY.md §16): `CLAMD_SOCKET`, or
   * `CLAMD_HOST` and `CLAMD_PORT` (3310). Null: files are recorded `not_scanned`.
   */
  clamd: ClamdTarget | null;
  /**
   * Hourly per-account limits on drafts, messages and uploads (429 past them), and the
   * cap on a tenant's stored attachments (`GUICHET_TENANT_STORAGE_BYTES`, 10 GiB).
   */
  quotas: AccountQuotas;
  /**
   * How many rows a queue export may have to download at once
   * (`GUICHET_EXPORT_AT_ONCE_ROWS`, 1,000); a larger one is written by the worker as a
   * durable job with progress and a download link.
   */
  exportAtOnceRows: number;
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
    appDatabaseUrl: env.GUICHET_APP_DATABASE_URL || null,
    dataDir: env.GUICHET_DATA_DIR ?? '.data/pglite',
    webRoot: env.GUICHET_WEB_ROOT ?? 'dist/web',
    tls: env.GUICHET_TLS === '1',
    publicOrigin: origin(env, 'GUICHET_PUBLIC_ORIGIN'),
    trustProxy: env.GUICHET_TRUST_PROXY === '1',
    defaultTenant: env.GUICHET_DEFAULT_TENANT?.trim() || null,
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
    quotas: {
      ...DEFAULT_QUOTAS,
      tenantStorageBytes: bytes(
        env,
        'GUICHET_TENANT_STORAGE_BYTES',
        DEFAULT_QUOTAS.tenantStorageBytes,
      ),
    },
    exportAtOnceRows: count(env, 'GUICHET_EXPORT_AT_ONCE_ROWS', 1000),
  };
}

/** A whole number of rows; a typo fails the start instead of sending every export to the worker. */
function count(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new Error(`${name} must be a whole number (0 or more), got ${JSON.stringify(raw)}`);
  }
  return value;
}

/** A whole number of bytes; a typo (`10G`) fails the start instead of refusing every upload. */
function bytes(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new Error(`${name} must be a number of bytes, got ${JSON.stringify(raw)}`);
  }
  return value;
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

/** An origin (`scheme://host[:port]`); a path or a typo fails the start, not every POST. */
function origin(env: Record<string, string | undefined>, name: string): string | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  let parsed: URL | null = null;
  try {
    parsed = new URL(raw);
  } catch {
    parsed = null;
  }
  if (
    parsed === null ||
    !['http:', 'https:'].includes(parsed.protocol) ||
    parsed.origin !== raw.replace(/\/$/, '')
  ) {
    throw new Error(
      `${name} must be an origin such as https://guichet.example.fr, got ${JSON.stringify(raw)}`,
    );
  }
  return parsed.origin;
}
