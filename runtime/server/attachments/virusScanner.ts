import { createReadStream } from 'node:fs';
import NodeClam from 'clamscan';
import type { ClamdTarget } from '../core/config.ts';

/** What the scanner said of a file. */
export type ScanVerdict = { infected: false } | { infected: true; viruses: string[] };

/** Scans a stored file; throws when it cannot tell (scanner down, timeout). */
export interface VirusScanner {
  scan(path: string): Promise<ScanVerdict>;
}

/** Where clamd listens: a Unix socket, or a host and port. */
export type { ClamdTarget } from '../core/config.ts';

/**
 * A `VirusScanner` over a clamd daemon (docs/SECURITY.md §16), streaming the file with
 * INSTREAM through the `clamscan` library. Each scan connects afresh (clamscan pings
 * clamd on `init`), so a daemon restarted between two scans is simply found again; a
 * daemon that is down makes `scan` throw, and the caller keeps the file pending.
 *
 * @example
 * const scanner = clamdScanner({ socket: '/run/clamav/clamd.ctl' });
 * const verdict = await scanner.scan('/srv/guichet/files/ab/cd…');
 */
export function clamdScanner(
  target: ClamdTarget,
  options: { timeoutMs?: number } = {},
): VirusScanner {
  // clamscan's init merges its defaults INTO the object it is given: a fresh one each time.
  const settings = () => ({
    removeInfected: false,
    scanLog: null,
    debugMode: false,
    clamscan: { active: false },
    clamdscan: {
      active: true,
      localFallback: false,
      socket: 'socket' in target ? target.socket : false,
      host: 'host' in target ? target.host : false,
      port: 'port' in target ? target.port : false,
      timeout: options.timeoutMs ?? 60_000,
    },
    preference: 'clamdscan',
  });
  return {
    async scan(path) {
      const clam = await new NodeClam().init(settings() as never);
      const { isInfected, viruses } = await clam.scanStream(createReadStream(path));
      return isInfected ? { infected: true, viruses } : { infected: false };
    },
  };
}
