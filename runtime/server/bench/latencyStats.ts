import type { RunSample } from './runConcurrent.ts';

/** What the measured runs of one side did, all rounds together. */
export interface RunStats {
  count: number;
  errors: number;
  wallMs: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
}

/**
 * Throughput over the summed wall time of the runs (in each, every client starts
 * together and the run ends when the last one finishes), and percentiles of every
 * operation's latency.
 *
 * @example
 * const stats = runStats([sample1, sample2]);
 * stats.p99; // ms
 */
export function runStats(samples: RunSample[]): RunStats {
  const sorted = samples.flatMap((sample) => sample.latenciesMs).sort((a, b) => a - b);
  const wallMs = samples.reduce((sum, sample) => sum + sample.wallMs, 0);
  return {
    count: sorted.length,
    errors: samples.reduce((sum, sample) => sum + sample.errors, 0),
    wallMs,
    perSecond: (sorted.length / wallMs) * 1000,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

/** Nearest-rank percentile of an ascending array. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * One aligned line per side, for the report.
 *
 * @example
 * formatStats('server', stats); // 'server   412.3 submits/s  p50   35.1 ms …'
 */
export function formatStats(label: string, stats: RunStats): string {
  const ms = (value: number) => `${value.toFixed(1).padStart(6)} ms`;
  return [
    label.padEnd(34),
    `${stats.perSecond.toFixed(1).padStart(7)} submits/s`,
    `p50 ${ms(stats.p50)}`,
    `p99 ${ms(stats.p99)}`,
    `max ${ms(stats.max)}`,
    `(${stats.count} in ${(stats.wallMs / 1000).toFixed(1)} s, ${stats.errors} errors)`,
  ].join('  ');
}
