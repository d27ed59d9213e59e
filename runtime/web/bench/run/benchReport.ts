/** One renderer's figures for one form size (medians over the runs). */
export interface Measured {
  renderMs: number;
  /** Main-thread time (CDP TaskDuration) per keystroke. */
  taskPerKeyMs: number;
  /** Its script part (CDP ScriptDuration). */
  scriptPerKeyMs: number;
}

export interface BenchFigures {
  citizen: { 300: Measured; 900: Measured };
  rjsf: { 300: Measured; 900: Measured };
  plain: { 300: Measured; 900: Measured };
  /** The citizen's keystrokes each followed by a pause long enough to commit the answer. */
  citizenCommitted: { 300: Measured; 900: Measured };
  /** Gzipped JS of the production build: a form page, and the catalogue. */
  citizenFormPageGzKb: number;
  citizenCataloguePageGzKb: number;
}

/** The issue's targets (issue 15, « Benchmark »). */
export const TARGETS = {
  /** Script per keystroke at 900 fields. */
  scriptPerKeyMs: 1.5,
  /** « Flat »: 900 fields may cost at most this many times 300 fields per keystroke. */
  flatRatio: 1.5,
  citizenJsGzKb: 150,
} as const;

const round = (value: number, digits = 1) => Number(value.toFixed(digits));

/** The machine-readable line the issue asks for, last line of the output. */
export function resultOf(figures: BenchFigures): Record<string, number> {
  return {
    render300_ms: round(figures.citizen[300].renderMs),
    render900_ms: round(figures.citizen[900].renderMs),
    rjsf_render300_ms: round(figures.rjsf[300].renderMs),
    rjsf_render900_ms: round(figures.rjsf[900].renderMs),
    plain_render900_ms: round(figures.plain[900].renderMs),
    script300_ms: round(figures.citizen[300].scriptPerKeyMs, 2),
    script900_ms: round(figures.citizen[900].scriptPerKeyMs, 2),
    rjsf_script900_ms: round(figures.rjsf[900].scriptPerKeyMs, 2),
    citizen_js_gz_kb: round(figures.citizenFormPageGzKb),
  };
}

/** The targets missed, in plain words (empty: all met). */
export function missedTargets(figures: BenchFigures): string[] {
  const missed: string[] = [];
  for (const size of [300, 900] as const) {
    if (figures.citizen[size].renderMs > figures.rjsf[size].renderMs) {
      missed.push(`render ${size}: slower than stock RJSF`);
    }
  }
  const script300 = figures.citizen[300].scriptPerKeyMs;
  const script900 = figures.citizen[900].scriptPerKeyMs;
  if (script900 > TARGETS.scriptPerKeyMs) {
    missed.push(`script per keystroke at 900 fields above ${TARGETS.scriptPerKeyMs} ms`);
  }
  if (script900 > Math.max(script300 * TARGETS.flatRatio, script300 + 0.2)) {
    missed.push('script per keystroke not flat from 300 to 900 fields');
  }
  if (figures.citizenFormPageGzKb >= TARGETS.citizenJsGzKb) {
    missed.push(
      `citizen JS ${round(figures.citizenFormPageGzKb)} KB gz, not under ${TARGETS.citizenJsGzKb}`,
    );
  }
  return missed;
}

function cell(value: number, digits = 1): string {
  return value.toFixed(digits).padStart(9);
}

function ratio(ours: number, theirs: number): string {
  return theirs > 0 ? `${(ours / theirs).toFixed(2)}×`.padStart(9) : '        —';
}

/**
 * The table printed for people: one row per figure and size, the three renderers side by
 * side, then our figure over stock RJSF's and over the plain DOM's.
 */
export function reportTable(figures: BenchFigures): string[] {
  const header = `${'figure'.padEnd(30)}${'ours'.padStart(9)}${'rjsf'.padStart(9)}${'plain'.padStart(9)}${'ours/rjsf'.padStart(10)}${'ours/plain'.padStart(11)}`;
  const lines = [header, '-'.repeat(header.length)];
  const rows: Array<[string, keyof Measured, number]> = [
    ['render (ms)', 'renderMs', 0],
    ['main thread per key (ms)', 'taskPerKeyMs', 2],
    ['script per key (ms)', 'scriptPerKeyMs', 2],
  ];
  for (const [label, key, digits] of rows) {
    for (const size of [300, 900] as const) {
      const ours = figures.citizen[size][key];
      const rjsf = figures.rjsf[size][key];
      const plain = figures.plain[size][key];
      lines.push(
        `${`${label}, ${size} fields`.padEnd(30)}${cell(ours, digits)}${cell(rjsf, digits)}${cell(plain, digits)}${ratio(ours, rjsf)} ${ratio(ours, plain)}`,
      );
    }
  }
  for (const size of [300, 900] as const) {
    const committed = figures.citizenCommitted[size];
    lines.push(
      `${`ours, key + commit, ${size}`.padEnd(30)}${cell(committed.scriptPerKeyMs, 2)} script, ${committed.taskPerKeyMs.toFixed(2)} main thread per key (each key followed by a pause)`,
    );
  }
  lines.push(
    `citizen JS, gzipped: ${figures.citizenFormPageGzKb.toFixed(1)} KB on a form page, ${figures.citizenCataloguePageGzKb.toFixed(1)} KB on the catalogue (target < ${TARGETS.citizenJsGzKb})`,
  );
  return lines;
}

/** The median of some runs. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
