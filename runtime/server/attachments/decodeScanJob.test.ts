import { describe, expect, it } from 'vitest';
import { decodeScanJob } from './scanAttachment.ts';

describe('decodeScanJob', () => {
  it('hands back a well-formed scan job', () => {
    expect(decodeScanJob({ tenantId: 't', attachmentId: 'a' })).toEqual({
      tenantId: 't',
      attachmentId: 'a',
    });
  });

  it('refuses a payload that is not a scan job, naming the field', () => {
    expect(() => decodeScanJob({ tenantId: 't' })).toThrow(/attachmentId/);
    expect(() => decodeScanJob(null)).toThrow();
  });
});
