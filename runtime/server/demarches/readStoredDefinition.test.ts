import { describe, expect, it } from 'vitest';
import { socialAidDefinition } from '../../../shared/testing/socialAidDefinition.ts';
import type { StoredDefinition } from '../../db/index.ts';
import { readStoredDefinition } from './readStoredDefinition.ts';

describe('readStoredDefinition', () => {
  it('brings a version published in an older format to the current one', () => {
    const { version: _version, routing: _routing, ...older } = structuredClone(socialAidDefinition);
    const read = readStoredDefinition(older as unknown as StoredDefinition, 'aide v1');
    expect(read.version).toBe(2);
    expect(read.routing).toEqual([]);
    expect(read.workflow).toEqual({ ...socialAidDefinition.workflow, layout: { positions: {} } });
  });

  it('returns a current definition as it is', () => {
    const stored = socialAidDefinition as unknown as StoredDefinition;
    expect(readStoredDefinition(stored, 'aide v1')).toBe(stored);
  });

  it('refuses a format newer than this Guichet, naming the version', () => {
    const newer = { ...socialAidDefinition, version: 99 } as unknown as StoredDefinition;
    expect(() => readStoredDefinition(newer, 'aide v7')).toThrow(/aide v7.*format n° 99/);
  });
});
