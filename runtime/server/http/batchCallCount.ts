/**
 * How many procedure calls one tRPC request carries: a batch (`?batch=1`) names them
 * comma-separated in the path (`/trpc/dossiers.create,dossiers.create,…`), anything
 * else is one call. Counted before tRPC runs any of them, so a batch over the limit
 * costs nothing.
 *
 * @example
 * batchCallCount('/trpc/a,b,c?batch=1', '/trpc') // 3
 */
export function batchCallCount(url: string, endpoint: string): number {
  const [path = '', query = ''] = url.split('?', 2);
  if (!new URLSearchParams(query).has('batch')) return 1;
  const procedures = path.slice(endpoint.length + 1);
  return procedures.split(',').length;
}
