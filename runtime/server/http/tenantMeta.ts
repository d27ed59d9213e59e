/** The `<meta>` name the web apps read their tenant from (runtime/web/shell/pageTenant.ts). */
export const TENANT_META = 'guichet-tenant';

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * The page's HTML telling the app which tenant it serves, as data and not as script (the
 * CSP allows no inline script): a `<meta name="guichet-tenant">` first in `<head>`, its
 * value escaped. The one place a served page is written into for its tenant.
 *
 * @example
 * withTenantMeta('<html><head><title>x</title>', 'demo');
 * // '<html><head><meta name="guichet-tenant" content="demo"><title>x</title>'
 */
export function withTenantMeta(html: string, slug: string): string {
  const content = slug.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
  const meta = `<meta name="${TENANT_META}" content="${content}">`;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head === null) throw new Error('guichet: a served page has no <head>');
  const at = head.index + head[0].length;
  return html.slice(0, at) + meta + html.slice(at);
}
