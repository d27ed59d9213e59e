import { describe, expect, it } from 'vitest';
import { canPublish } from './canPublish.ts';
import type { Diagnostic } from './types.ts';

const warning: Diagnostic = {
  rule: 'unused-template',
  severity: 'warning',
  pointer: '/letters/0',
  message: '…',
};
const error: Diagnostic = {
  rule: 'dead-end',
  severity: 'error',
  pointer: '/workflow/states/1',
  message: '…',
};

describe('canPublish', () => {
  it('lets a clean definition or one with only warnings be published', () => {
    expect(canPublish([])).toBe(true);
    expect(canPublish([warning, warning])).toBe(true);
  });

  it('refuses as soon as one diagnostic is an error', () => {
    expect(canPublish([warning, error])).toBe(false);
  });
});
