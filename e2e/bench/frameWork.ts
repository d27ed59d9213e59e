import type { Page } from 'playwright-core';

/**
 * Trace categories that carry the renderer's tasks (`RunTask`, DevTools' « Task ») and
 * its animation frames (`FireAnimationFrame`), and little else.
 */
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline'];

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string };
}

/**
 * Records what the page's main thread does while `action` runs and returns, for each
 * animation frame, the milliseconds its main thread was busy (script, style, layout,
 * paint, and any task between two frames: a page of rows arriving, React's work). Frame
 * pacing hides this: at 60 Hz frames come every 16.7 ms however little they hold, so
 * the time between frames cannot go under 16.7 ms, while the time spent producing one
 * says how much room is left.
 *
 * @example
 * const { result, busyMs } = await mainThreadPerFrame(page, () => scrollTheList());
 */
export async function mainThreadPerFrame<T>(
  page: Page,
  action: () => Promise<T>,
): Promise<{ result: T; busyMs: number[] }> {
  const browser = page.context().browser();
  if (!browser) throw new Error('tracing needs a browser launched by playwright');
  await browser.startTracing(page, { categories: CATEGORIES });
  const outcome = await action().then(
    (result) => ({ result }),
    (error: unknown) => ({ error }),
  );
  const trace = await browser.stopTracing();
  if ('error' in outcome) throw outcome.error;
  return { result: outcome.result, busyMs: busyPerFrame(JSON.parse(trace.toString('utf8'))) };
}

/**
 * Busy time between consecutive `FireAnimationFrame` events of the renderer's main
 * thread: the duration of every task overlapping that interval, clipped to it.
 */
export function busyPerFrame(trace: { traceEvents: TraceEvent[] } | TraceEvent[]): number[] {
  const events = Array.isArray(trace) ? trace : trace.traceEvents;
  const mainThreads = new Set(
    events
      .filter((event) => event.ph === 'M' && event.name === 'thread_name')
      .filter((event) => event.args?.name === 'CrRendererMain')
      .map((event) => `${event.pid}:${event.tid}`),
  );
  const onMain = (event: TraceEvent) => mainThreads.has(`${event.pid}:${event.tid}`);
  const frames = events
    .filter((event) => event.name === 'FireAnimationFrame' && onMain(event))
    .map((event) => event.ts)
    .sort((a, b) => a - b);
  const tasks = events
    .filter((event) => event.name === 'RunTask' && event.ph === 'X' && onMain(event))
    .sort((a, b) => a.ts - b.ts);
  const busy: number[] = [];
  let first = 0;
  for (let frame = 0; frame + 1 < frames.length; frame++) {
    const start = frames[frame]!;
    const end = frames[frame + 1]!;
    while (first < tasks.length && tasks[first]!.ts + (tasks[first]!.dur ?? 0) <= start) first++;
    let micros = 0;
    for (let index = first; index < tasks.length && tasks[index]!.ts < end; index++) {
      const task = tasks[index]!;
      micros += Math.max(0, Math.min(task.ts + (task.dur ?? 0), end) - Math.max(task.ts, start));
    }
    busy.push(micros / 1000);
  }
  return busy;
}
