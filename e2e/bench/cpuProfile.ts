import type { CDPSession } from 'playwright-core';

/** The parts of a Chrome DevTools Protocol `Profiler.Profile` this file reads. */
export interface Profile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  }>;
  samples?: number[];
  timeDeltas?: number[];
}

/** One function's share of the profiled time. */
export interface SelfTime {
  /** `name url:line:column`, or V8's own `(program)`, `(garbage collector)`, `(idle)`. */
  where: string;
  selfMs: number;
}

/** Sampling every 100 µs: a keystroke's few milliseconds get tens of samples. */
const SAMPLING_INTERVAL_US = 100;

/** Starts V8's sampling profiler in the page; `stop` returns the profile. */
export async function startCpuProfile(cdp: CDPSession): Promise<{ stop(): Promise<Profile> }> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
  await cdp.send('Profiler.start');
  return {
    async stop() {
      const { profile } = await cdp.send('Profiler.stop');
      await cdp.send('Profiler.disable');
      return profile as Profile;
    },
  };
}

/**
 * Self time per function (the time a sample found it on top of the stack), the largest
 * first. Minified code keeps its file and position, enough to find it in the build.
 */
export function selfTimes(profile: Profile): SelfTime[] {
  const whereOf = new Map<number, string>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const file = url.slice(url.lastIndexOf('/') + 1);
    whereOf.set(
      node.id,
      file === ''
        ? functionName || '(anonymous)'
        : `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}:${columnNumber + 1}`,
    );
  }
  const totals = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  // A sample's time is the gap to the next one (V8's deltas are from the previous sample).
  for (let index = 0; index < samples.length; index++) {
    const where = whereOf.get(samples[index]!) ?? '?';
    const micros = deltas[index + 1] ?? 0;
    totals.set(where, (totals.get(where) ?? 0) + micros / 1000);
  }
  return [...totals]
    .map(([where, selfMs]) => ({ where, selfMs }))
    .sort((a, b) => b.selfMs - a.selfMs);
}
