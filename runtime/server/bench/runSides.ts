import { monitorEventLoopDelay } from 'node:perf_hooks';
import { type RunStats, runStats } from './latencyStats.ts';
import { type RunSample, runConcurrent } from './runConcurrent.ts';
import type { BenchDraft } from './seedBenchDrafts.ts';

/** One way of submitting: the server over HTTP, or raw SQL. */
interface Side {
  label: string;
  /** `drafts[client]`: that client's drafts, warm-up first. */
  drafts: BenchDraft[][];
  /** Every client at once through its slice of drafts, timed (`runConcurrent`). */
  run(drafts: BenchDraft[][]): Promise<RunSample>;
}

/**
 * A side whose clients run on this thread, one submitter per client.
 *
 * @example
 * const raw = { label: 'raw', drafts, run: onThisThread(sessions.map(() => rawSubmit(sql, world))) };
 */
export function onThisThread(submitters: Array<(draft: BenchDraft) => Promise<void>>): Side['run'] {
  return (drafts) =>
    runConcurrent(drafts.map((items, client) => ({ items, run: submitters[client]! })));
}

export interface SideResult extends RunStats {
  label: string;
  /** Throughput of each round, to show how noisy the machine was. */
  roundRates: number[];
  /** CPU of THIS process (server + load + drivers) per submit: user + system. */
  cpuMsPerSubmit: number;
  /** p99 of this process's event-loop delay while the side ran, its worst turn's. */
  loopDelayP99Ms: number;
  firstErrors: string[];
}

interface RoundsPlan {
  warmUpPerClient: number;
  rounds: number;
  perRoundPerClient: number;
  /**
   * Runs before each side's turn in each round (a CHECKPOINT): every turn then starts
   * from the same state, whoever ran before it. With one CHECKPOINT before the first
   * round only, the side that ran first paid alone for the full-page writes that follow
   * a checkpoint (the server: its first round ran at 60 % of its others).
   */
  beforeEachRun(): Promise<void>;
}

/**
 * Warms every side up, then runs them in interleaved rounds (round r starts with side
 * r mod n): other work on the machine — this one is shared — then weighs on every side
 * alike instead of on whichever ran during a burst.
 *
 * @example
 * const [server, raw] = await runSides([serverSide, rawSide], plan);
 */
export async function runSides(sides: Side[], plan: RoundsPlan): Promise<SideResult[]> {
  const slice = (side: Side, from: number, count: number) =>
    side.drafts.map((own) => own.slice(from, from + count));
  for (const side of sides) {
    const warm = await side.run(slice(side, 0, plan.warmUpPerClient));
    if (warm.errors > 0)
      throw new Error(`${side.label}: warm-up failed:\n${warm.firstErrors.join('\n')}`);
  }
  const samples = sides.map(() => [] as RunSample[]);
  const cpuMs = sides.map(() => 0);
  // One monitor per turn, the side's worst turn reported: a monitor enabled again after
  // a pause counts the whole pause as one delay (the raw side showed ~900 ms that way),
  // and these histograms cannot be merged.
  const loopDelayP99s = sides.map(() => 0);
  for (let round = 0; round < plan.rounds; round += 1) {
    const from = plan.warmUpPerClient + round * plan.perRoundPerClient;
    for (let k = 0; k < sides.length; k += 1) {
      const index = (round + k) % sides.length;
      await plan.beforeEachRun();
      const cpu = process.cpuUsage();
      const monitor = monitorEventLoopDelay({ resolution: 5 });
      monitor.enable();
      const side = sides[index]!;
      samples[index]!.push(await side.run(slice(side, from, plan.perRoundPerClient)));
      monitor.disable();
      loopDelayP99s[index] = Math.max(loopDelayP99s[index]!, monitor.percentile(99) / 1e6);
      const used = process.cpuUsage(cpu);
      cpuMs[index]! += (used.user + used.system) / 1000;
    }
  }
  return sides.map((side, index) => {
    const stats = runStats(samples[index]!);
    return {
      ...stats,
      label: side.label,
      roundRates: samples[index]!.map((s) => (s.latenciesMs.length / s.wallMs) * 1000),
      cpuMsPerSubmit: cpuMs[index]! / stats.count,
      loopDelayP99Ms: loopDelayP99s[index]!,
      firstErrors: samples[index]!.flatMap((s) => s.firstErrors).slice(0, 3),
    };
  });
}
