import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { builtHtmlOf, WEB_APPS } from '../webBuild/webApps.ts';
import { studioContentSecurityPolicy } from './securityHeaders.ts';

const STUDIO = WEB_APPS.find((app) => app.name === 'studio')!;

/** Whether `file` is the studio's built page under the web root `base`. */
export function isStudioPage(base: string, file: string): boolean {
  return file === join(base, builtHtmlOf(STUDIO));
}

/**
 * Sends the studio's page with a fresh nonce (docs/SECURITY.md §90): on its module
 * scripts, where the studio reads it to mark the `<style>` elements its JSON editor
 * creates, and in the page's own CSP. A nonce is unguessable and never reused, so a
 * `<style>` injected into the page by anyone else stays blocked.
 *
 * @example
 * if (isStudioPage(base, file)) await sendStudioPage(res, file, 'GET', (html) => withTenantMeta(html, 'demo'));
 */
export async function sendStudioPage(
  res: ServerResponse,
  file: string,
  method: string,
  rewrite: (html: string) => string = (html) => html,
): Promise<void> {
  const nonce = randomBytes(18).toString('base64');
  const html = rewrite(await readFile(file, 'utf8')).replaceAll(
    '<script ',
    `<script nonce="${nonce}" `,
  );
  const body = Buffer.from(html, 'utf8');
  res.setHeader('Content-Security-Policy', studioContentSecurityPolicy(nonce));
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Content-Length', body.length);
  res.setHeader('Cache-Control', 'no-store');
  res.end(method === 'HEAD' ? undefined : body);
}
