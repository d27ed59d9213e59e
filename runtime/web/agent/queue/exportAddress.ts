import type { QueueListInput } from '../navigation/queueFilters.ts';

/**
 * The export's address (CSV or Excel) for a queue's `queues.list` input: the same
 * filters, as JSON in `filtres`, without paging (the server reads every page itself).
 *
 * @example
 * exportAddress({ states: ['depose'], limit: 100 });
 * // '/api/queues/export.csv?filtres=%7B%22states%22%3A%5B%22depose%22%5D%7D'
 * exportAddress({ limit: 100 }, 'xlsx'); // '/api/queues/export.xlsx?filtres=%7B%7D'
 */
export function exportAddress(input: QueueListInput, format: 'csv' | 'xlsx' = 'csv'): string {
  const { limit: _limit, cursor: _cursor, ...filters } = input;
  return `/api/queues/export.${format}?filtres=${encodeURIComponent(JSON.stringify(filters))}`;
}
