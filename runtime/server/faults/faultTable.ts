import type { StoredCheck } from './checkStored.ts';
import type { LoadOutcome } from './submitLoad.ts';

export interface FaultRow {
  scenario: string;
  load: LoadOutcome;
  check: StoredCheck;
  /** Time until the server answered again (ready, or the mails delivered), ms. */
  recoveryMs: number | null;
  /** Anything else measured: mails, exit code, redelivery delay. */
  note: string;
}

/** The suite's one table: one line per scenario, printed at the end. */
export function formatFaultTable(rows: FaultRow[]): string {
  const header = [
    'scenario',
    'acknowledged',
    'stored',
    'lost',
    'duplicated',
    'half-written',
    'non-200 by status',
    'resets',
    'recovery',
    'notes',
  ];
  const lines = rows.map((row) => [
    row.scenario,
    String(row.load.acknowledged.size),
    String(row.check.stored),
    String(row.check.lost),
    String(row.check.duplicated),
    String(row.check.halfWritten),
    [...row.load.statuses].map(([status, count]) => `${status}×${count}`).join(' ') || '—',
    String(row.load.resets),
    row.recoveryMs === null ? '—' : `${(row.recoveryMs / 1000).toFixed(1)} s`,
    row.note,
  ]);
  const widths = header.map((title, i) =>
    Math.max(title.length, ...lines.map((line) => line[i]!.length)),
  );
  const format = (cells: string[]) =>
    `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  return [
    format(header),
    format(widths.map((width) => '-'.repeat(width))),
    ...lines.map(format),
  ].join('\n');
}
