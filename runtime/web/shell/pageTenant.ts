/** The `<meta>` the server writes into every app page (runtime/server/http/tenantMeta.ts). */
const TENANT_META = 'meta[name="guichet-tenant"]';

let known: string | undefined;

/**
 * The tenant (slug) this page serves, as the server wrote it for the address it was
 * asked on (docs/ARCHITECTURE.md, « One address per collectivité »). Data in the page,
 * not an inline script, so the CSP stays strict. Throws when the page names none: a
 * page the server did not serve has no tenant to guess.
 *
 * @example
 * login.mutate({ tenant: pageTenant(), email, password });
 */
export function pageTenant(): string {
  if (known !== undefined) return known;
  const slug = document.querySelector<HTMLMetaElement>(TENANT_META)?.content.trim();
  if (!slug) throw new Error('guichet: this page names no tenant (meta guichet-tenant)');
  known = slug;
  return slug;
}
