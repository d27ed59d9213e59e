/** What the page tells the runner (read with `page.evaluate(() => window.benchResult)`). */
export interface BenchPageResult {
  /** From handing the form to the renderer to the first frame painted with every field. */
  renderMs: number;
  /** Inputs, selects and textareas in the page once rendered. */
  controls: number;
}

declare global {
  interface Window {
    benchResult?: BenchPageResult;
  }
}

/** Resolves after the next frame is painted (a task queued from its animation frame). */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** Records the render time once the renderer says it committed, after the frame paints. */
export async function finishTiming(startedAt: number): Promise<void> {
  await afterNextPaint();
  const renderMs = performance.now() - startedAt;
  const controls = document.querySelectorAll('input, select, textarea').length;
  window.benchResult = { renderMs, controls };
}
