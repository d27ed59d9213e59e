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
  };
}
