import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';

/**
 * Sends a built app page (`index.html`) after `rewrite` (the tenant's meta,
 * `tenantMeta.ts`): HTML is small and never cached (`no-store`), so it is read whole.
 *
 * @example
 * await sendAppPage(res, file, 'GET', (html) => withTenantMeta(html, 'demo'));
 */
export async function sendAppPage(
  res: ServerResponse,
  file: string,
  method: string,
  rewrite: (html: string) => string,
): Promise<void> {
  const body = Buffer.from(rewrite(await readFile(file, 'utf8')), 'utf8');
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Content-Length', body.length);
  res.setHeader('Cache-Control', 'no-store');
  res.end(method === 'HEAD' ? undefined : body);
}
