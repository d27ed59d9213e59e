import { describe, expect, it } from 'vitest';
import { decodeEffectJob } from './decodeEffectJob.ts';
import type { EffectJobData } from './effectJob.ts';

const job: EffectJobData = {
  effectKey: 'd1:4:0',
  tenantId: 't1',
  dossierId: 'd1',
  reference: 'AS-2026-000001',
  eventSeq: '4',
  demarcheId: 'm1',
  version: 2,
  transition: 'accepter',
  effect: { type: 'notify', template: 'decision', to: { kind: 'applicant' } },
  input: { motif: 'complet' },
};

describe('decodeEffectJob', () => {
  it('gives back a well-formed job as it was written', () => {
    expect(decodeEffectJob(JSON.parse(JSON.stringify(job)))).toEqual(job);
    const webhook = { ...job, effect: { type: 'webhook', url: 'https://example.test/hook' } };
    expect(decodeEffectJob(webhook).effect).toEqual({
      type: 'webhook',
      url: 'https://example.test/hook',
    });
  });

  it('reads a notify job to the address of a form field (the worker refused it as malformed)', () => {
    const toField = {
      ...job,
      effect: { type: 'notify', template: 'decision', to: { kind: 'field', field: 'contact' } },
    };
    expect(decodeEffectJob(JSON.parse(JSON.stringify(toField)))).toEqual(toField);
  });

  it('refuses a job without its tenant, naming the missing field', () => {
    const { tenantId: _, ...withoutTenant } = job;
    expect(() => decodeEffectJob(withoutTenant)).toThrow(/malformed effect job \(tenantId\)/);
  });

  it('refuses an effect the worker does not perform', () => {
    expect(() => decodeEffectJob({ ...job, effect: { type: 'route' } })).toThrow(/effect/);
    expect(() => decodeEffectJob('not a job')).toThrow(/\(root\)/);
  });
});
