import { openDatabase } from '../driver/openDatabase.ts';
import { type ChainsReport, verifyChains } from './verifyChains.ts';

/**
 * `npm run verify:chains`: verifies every hash chain (dossier events, audit log) of the
 * database in `DATABASE_URL` (run it as the owner or any role that can read the logs),
 * or of the PGlite folder `GUICHET_DATA_DIR` (default `.data/pglite`). Prints where each
 * broken chain breaks first; exit code 1 when one does. Applies no migration.
 */
async function main(): Promise<void> {
  const database = await openDatabase({
    url: process.env.DATABASE_URL || undefined,
    dataDir: process.env.GUICHET_DATA_DIR ?? '.data/pglite',
    migrate: false,
  });
  try {
    const report = await verifyChains(database.db);
    console.log(describeReport(report));
    process.exitCode = report.breaks.length > 0 ? 1 : 0;
  } finally {
    await database.close();
  }
}

/**
 * The report as operators read it, one line per broken chain.
 *
 * @example
 * describeReport(report); // 'BROKEN tenant 0b7c… dossier 9f1e… seq 2 (hash): expected 3a… found 7c…'
 */
export function describeReport(report: ChainsReport): string {
  const lines = report.breaks.map(
    (b) =>
      `BROKEN tenant ${b.tenantId} ${b.dossierId === null ? 'audit' : `dossier ${b.dossierId}`} ` +
      `seq ${b.seq} (${b.problem}): expected ${b.expected ?? 'null'} found ${b.found ?? 'null'}`,
  );
  for (const { tenantId, rows } of report.unsealed) {
    lines.push(`unsealed: tenant ${tenantId} has ${rows} audit rows not chained yet`);
  }
  const verdict =
    report.breaks.length === 0 ? 'all chains intact' : `${report.breaks.length} broken chains`;
  lines.push(`${verdict}: ${report.tenants} tenants, ${report.dossiers} dossiers checked`);
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 2;
  });
}
