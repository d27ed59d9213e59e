import { describe, expect, it } from 'vitest';
import { previewKindOf } from './previewKind.ts';

describe('previewKindOf', () => {
  it('previews clean PDFs and raster images only', () => {
    expect(previewKindOf({ mediaType: 'application/pdf', scanStatus: 'clean' })).toBe('pdf');
    expect(previewKindOf({ mediaType: 'image/png', scanStatus: 'not_scanned' })).toBe('image');
    expect(previewKindOf({ mediaType: 'image/svg+xml', scanStatus: 'clean' })).toBeNull();
    expect(previewKindOf({ mediaType: 'text/html', scanStatus: 'clean' })).toBeNull();
  });

  it('never previews an infected file or one still being scanned', () => {
    expect(previewKindOf({ mediaType: 'application/pdf', scanStatus: 'infected' })).toBeNull();
    expect(previewKindOf({ mediaType: 'image/jpeg', scanStatus: 'pending' })).toBeNull();
  });
});
