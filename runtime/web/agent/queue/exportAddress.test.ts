import { describe, expect, it } from 'vitest';
import { exportAddress } from './exportAddress.ts';

describe('exportAddress', () => {
  it('sends the list filters without paging', () => {
    const address = exportAddress({ states: ['depose'], text: 'Zoé', limit: 100, cursor: 'x' });
    const filters = JSON.parse(new URL(address, 'http://x').searchParams.get('filtres') ?? '');
    expect(filters).toEqual({ states: ['depose'], text: 'Zoé' });
  });

  it('gives the Excel workbook the same filters', () => {
    const address = exportAddress({ states: ['depose'], limit: 100 }, 'xlsx');
    expect(address).toBe(
      `/api/queues/export.xlsx?filtres=${encodeURIComponent('{"states":["depose"]}')}`,
    );
  });
});
