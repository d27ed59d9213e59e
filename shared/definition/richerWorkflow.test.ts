import { describe, expect, it } from 'vitest';
import { grantDefinition } from '../testing/grantDefinition.ts';
import { validateDefinition } from './validateDefinition.ts';

describe('the richer workflow constructs in the format', () => {
  it('accepts milestones, writes, context guards, input routing and field recipients', () => {
    expect(validateDefinition(structuredClone(grantDefinition))).toMatchObject({ ok: true });
  });

  it('refuses a write without its input field and an unknown guardOn', () => {
    const bad = structuredClone(grantDefinition) as unknown as {
      workflow: { transitions: Array<Record<string, unknown>> };
    };
    const accorder = bad.workflow.transitions[4]!;
    accorder['writes'] = [{ field: 'montantAccorde' }];
    accorder['guardOn'] = 'dossier';
    const result = validateDefinition(bad);
    expect(result.ok).toBe(false);
    const pointers = result.ok ? [] : result.error.map((p) => p.pointer);
    expect(pointers).toEqual(
      expect.arrayContaining([
        '/workflow/transitions/4/writes/0',
        '/workflow/transitions/4/guardOn',
      ]),
    );
  });
});
