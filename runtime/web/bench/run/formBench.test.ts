import { describe, expect, it } from 'vitest';
import { benchForm, CONDITIONAL_PER_SECTION, FIELDS_PER_SECTION } from '../benchForm.ts';
import { type BenchFigures, missedTargets, reportTable, resultOf } from './benchReport.ts';

const measured = (renderMs: number, scriptPerKeyMs: number) => ({
  renderMs,
  taskPerKeyMs: scriptPerKeyMs * 4,
  scriptPerKeyMs,
});

const figures: BenchFigures = {
  citizen: { 300: measured(200, 0.8), 900: measured(500, 0.9) },
  rjsf: { 300: measured(250, 10), 900: measured(600, 40) },
  plain: { 300: measured(60, 0.05), 900: measured(150, 0.05) },
  citizenCommitted: { 300: measured(200, 4), 900: measured(500, 6) },
  citizenFormPageGzKb: 148.24,
  citizenCataloguePageGzKb: 90,
};

describe('the form benchmark’s generated forms', () => {
  it('makes 300 and 900 fields in sections of 30, three of them conditional', () => {
    for (const [sections, count] of [
      [10, 300],
      [30, 900],
    ] as const) {
      const form = benchForm(sections);
      expect(form.fields).toHaveLength(count);
      expect(new Set(form.fields).size).toBe(count);
      expect(form.sections.every((section) => section.fields.length === FIELDS_PER_SECTION)).toBe(
        true,
      );
      const conditions = (form.schema as { allOf: Array<{ then: { required: string[] } }> }).allOf;
      expect(conditions).toHaveLength(sections);
      expect(conditions.every((c) => c.then.required.length === CONDITIONAL_PER_SECTION)).toBe(
        true,
      );
      expect(form.fields).toContain(form.typedField);
    }
  });

  it('is the same form every time (the page and the runner build it apart)', () => {
    expect(JSON.stringify(benchForm(10))).toBe(JSON.stringify(benchForm(10)));
  });
});

describe('the form benchmark’s report', () => {
  it('gives the issue’s keys, rounded', () => {
    expect(resultOf(figures)).toEqual({
      render300_ms: 200,
      render900_ms: 500,
      rjsf_render300_ms: 250,
      rjsf_render900_ms: 600,
      plain_render900_ms: 150,
      script300_ms: 0.8,
      script900_ms: 0.9,
      rjsf_script900_ms: 40,
      citizen_js_gz_kb: 148.2,
    });
  });

  it('meets every target with these figures, and names each one missed', () => {
    expect(missedTargets(figures)).toEqual([]);
    const worse: BenchFigures = {
      ...figures,
      citizen: { 300: measured(300, 0.5), 900: measured(700, 2) },
      citizenFormPageGzKb: 151,
    };
    expect(missedTargets(worse)).toEqual([
      'render 300: slower than stock RJSF',
      'render 900: slower than stock RJSF',
      'script per keystroke at 900 fields above 1.5 ms',
      'script per keystroke not flat from 300 to 900 fields',
      'citizen JS 151 KB gz, not under 150',
    ]);
  });

  it('prints the ratios against stock RJSF and plain DOM', () => {
    const table = reportTable(figures).join('\n');
    expect(table).toMatch(/render \(ms\), 900 fields\s+500\s+600\s+150\s+0\.83×\s+3\.33×/);
    expect(table).toContain('148.2 KB on a form page');
  });
});
