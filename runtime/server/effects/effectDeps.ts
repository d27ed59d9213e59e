import type { AppDatabase } from '../../db/index.ts';
import type { ServerConfig } from '../core/config.ts';
import type { UrlSources } from '../core/urlSources.ts';
import type { ResolveHost } from '../outbound/index.ts';
import type { Mailer } from './mailer.ts';

/** One structured log line of the worker. Never data, addresses, URLs' secrets or keys. */
export interface EffectLogEntry {
  level: 'info' | 'warn' | 'error';
  message: string;
  effectKey?: string;
  kind?: string;
  reason?: string;
}

export type EffectLog = (entry: EffectLogEntry) => void;

/** Where a file the worker made was stored, by content hash (the attachments' store). */
export interface StoredFile {
  sha256: string;
  storageKey: string;
  sizeBytes: number;
}

/** What the effect handlers need; `startWorker` builds it, tests build their own. */
export interface EffectDeps {
  db: AppDatabase;
  config: Pick<ServerConfig, 'webhookSecret'>;
  clock: () => Date;
  /** Null when no SMTP server is configured: notifications are then skipped. */
  mailer: Mailer | null;
  /** Let webhooks reach loopback and private addresses (tests, intranets). Default off. */
  allowPrivateTargets: boolean;
  resolveHost?: ResolveHost;
  /** Keeps a generated file (a letter's PDF) in the attachments' store. */
  storeFile: (bytes: Uint8Array) => Promise<StoredFile>;
  log: EffectLog;
  /** Reads `url` data sources for templates' `label` (default: the production rules). */
  urlSources?: UrlSources;
}

/**
 * The default log: one JSON line per entry on stderr, for the process supervisor.
 *
 * @example
 * consoleEffectLog({ level: 'warn', message: 'notification skipped', reason: 'NO_RECIPIENT' });
 */
export const consoleEffectLog: EffectLog = (entry) => {
  console.error(JSON.stringify({ at: new Date().toISOString(), source: 'effects', ...entry }));
};
