import type { Database } from '../../db/index.ts';
import { sendTrackingCodeMail } from '../anonymous/index.ts';
import {
  attachmentsRoot,
  commitFile,
  decodeScanJob,
  scanAttachment,
  temporaryPath,
  type VirusScanner,
} from '../attachments/index.ts';
import { sendAccountMail } from '../auth/index.ts';
import { performBulkJob } from '../collaboration/index.ts';
import type { ServerConfig } from '../core/config.ts';
import {
  ACCOUNT_MAIL_QUEUE,
  BULK_ACTION_QUEUE,
  QUEUE_EXPORT_QUEUE,
  TRACKING_CODE_MAIL_QUEUE,
} from '../core/jobPort.ts';
import { createUrlSourceCache, URL_SOURCE_LIMITS } from '../dataSources/index.ts';
import { unitsFromDatabase } from '../dossiers/index.ts';
import {
  type createMailer,
  type DurableEffect,
  decodeEffectJob,
  EFFECT_QUEUES,
  type EffectDeps,
  effectJobDataSchema,
  enqueueEffects,
  performEffect,
  SCAN_QUEUE,
  STAFF_INVITATION_QUEUE,
} from '../effects/index.ts';
import { performExport } from '../queues/index.ts';
import { sendInvitationMail } from '../staff/index.ts';
import type { JobHandler } from './pollJobs.ts';

/**
 * Every queue this process can serve, with what to do with one of its jobs. A worker
 * subscribes only to what it can perform: one without SMTP leaves the mails queued
 * (another worker, or this one restarted with SMTP_HOST, sends them) instead of
 * consuming them as skipped; one without a scanner leaves the scans.
 */
export function jobHandlers(options: {
  database: Database;
  config: ServerConfig;
  deps: EffectDeps;
  mailer: ReturnType<typeof createMailer> | null;
  scanner: VirusScanner | null;
}): JobHandler[] {
  const { database, config, deps, mailer, scanner } = options;
  const filesRoot = attachmentsRoot(config);
  const performable = (Object.keys(EFFECT_QUEUES) as DurableEffect['type'][]).filter(
    (type) => type !== 'notify' || mailer !== null,
  );
  const handlers: JobHandler[] = performable.map((type) => ({
    queue: EFFECT_QUEUES[type],
    perform: (data) => performEffect(deps, decodeEffectJob(data)),
    describe: (data) => {
      const job = effectJobDataSchema.safeParse(data);
      return job.success
        ? { effectKey: job.data.effectKey, kind: job.data.effect.type }
        : { effectKey: 'unknown', kind: type };
    },
  }));
  if (mailer !== null) handlers.push(...accountMailHandlers(database, config, deps, mailer));
  // Agents' bulk actions (issue 16): each dossier as its requester, outcomes kept per item.
  const bulkDeps = {
    db: database.db,
    clock: deps.clock,
    units: unitsFromDatabase,
    urlSources: createUrlSourceCache(URL_SOURCE_LIMITS),
    enqueueEffects,
  };
  handlers.push({
    queue: BULK_ACTION_QUEUE,
    perform: (data) => performBulkJob(bulkDeps, data),
    describe: (data) => ({ effectKey: `bulk:${idOf(data, 'jobId')}`, kind: 'bulk' }),
  });
  // Queue exports above the immediate download's limit, into the file store.
  const exportDeps = {
    db: database.db,
    clock: deps.clock,
    temporaryPath: () => temporaryPath(filesRoot),
    commitFile: (temp: string, sha256: string) => commitFile(filesRoot, temp, sha256),
  };
  handlers.push({
    queue: QUEUE_EXPORT_QUEUE,
    perform: (data) => performExport(exportDeps, data),
    describe: (data) => ({ effectKey: `export:${idOf(data, 'exportId')}`, kind: 'export' }),
  });
  if (scanner !== null) {
    const scanDeps = { ...deps, filesRoot, scanner };
    handlers.push({
      queue: SCAN_QUEUE,
      perform: (data) => scanAttachment(scanDeps, decodeScanJob(data)),
      describe: (data) => {
        const job = decodeScanJobSafely(data);
        return { effectKey: `attachment:${job?.attachmentId ?? 'unknown'}`, kind: 'scan' };
      },
    });
  }
  return handlers;
}

/** Mails that carry a secret drawn as they are sent, so they need SMTP here. */
function accountMailHandlers(
  database: Database,
  config: ServerConfig,
  deps: EffectDeps,
  mailer: ReturnType<typeof createMailer>,
): JobHandler[] {
  const mailDeps = {
    db: database.db,
    mailer,
    clock: deps.clock,
    publicOrigin: config.publicOrigin,
  };
  return [
    // Invitation mails: the worker draws each token as it sends it (docs/SECURITY.md §40).
    {
      queue: STAFF_INVITATION_QUEUE,
      perform: (data) => sendInvitationMail(mailDeps, data),
      describe: (data) => ({
        effectKey: `invitation:${idOf(data, 'invitationId')}`,
        kind: 'invitation',
      }),
    },
    // Citizens' confirmation and reset links, drawn as they are sent (docs/SECURITY.md §50–§51),
    // and the password-changed notice (§110).
    {
      queue: ACCOUNT_MAIL_QUEUE,
      perform: (data) => sendAccountMail(mailDeps, data),
      describe: (data) => {
        const job = data as { tokenId?: unknown; userId?: unknown; at?: unknown } | null;
        // A link names its token; a notice (§110) its account and instant.
        if (typeof job?.tokenId !== 'string' && typeof job?.userId === 'string') {
          return {
            effectKey: `account-notice:${job.userId}:${String(job.at)}`,
            kind: 'account-notice',
          };
        }
        return { effectKey: `account-link:${idOf(data, 'tokenId')}`, kind: 'account-link' };
      },
    },
    // Tracking codes of dossiers filed without an account, drawn as they are sent (§111).
    {
      queue: TRACKING_CODE_MAIL_QUEUE,
      perform: (data) => sendTrackingCodeMail(mailDeps, data),
      describe: (data) => ({
        effectKey: `tracking-code:${idOf(data, 'dossierId')}`,
        kind: 'tracking-code',
      }),
    },
  ];
}

/** A job's id field for the log (never its other data). */
function idOf(data: unknown, key: string): string {
  const id = (data as Record<string, unknown> | null)?.[key];
  return typeof id === 'string' ? id : 'unknown';
}

function decodeScanJobSafely(data: unknown): ReturnType<typeof decodeScanJob> | null {
  try {
    return decodeScanJob(data);
  } catch {
    return null;
  }
}
