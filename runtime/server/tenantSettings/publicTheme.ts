import { eq } from 'drizzle-orm';
import { type AppDatabase, tenantLogos, tenants } from '../../db/index.ts';
import type { TenantContactView, TenantThemeView } from './tenantSettings.ts';

export interface PublicTheme {
  name: string;
  contact: TenantContactView;
  theme: TenantThemeView;
  /** The logo's bytes in base64 with their checked type; null when none. */
  logo: { mediaType: string; sha256: string; contentBase64: string } | null;
}

/**
 * What the citizen app shows of a tenant on every page: its name, contact details,
 * colours and logo. Public, by slug; an unknown slug answers null, as for any tenant
 * that does not exist (nothing to tell apart).
 *
 * @example
 * await publicTheme(db, 'lyon'); // { name: 'Ville de Lyon', theme: { primaryColor: '#1a4d8f', … }, … }
 */
export async function publicTheme(db: AppDatabase, slug: string): Promise<PublicTheme | null> {
  const [tenant] = await db
    .select({ id: tenants.id, name: tenants.name, contact: tenants.contact, theme: tenants.theme })
    .from(tenants)
    .where(eq(tenants.slug, slug));
  if (!tenant) return null;
  const [logo] = await db
    .select({
      mediaType: tenantLogos.mediaType,
      sha256: tenantLogos.sha256,
      bytes: tenantLogos.bytes,
    })
    .from(tenantLogos)
    .where(eq(tenantLogos.tenantId, tenant.id));
  return {
    name: tenant.name,
    contact: tenant.contact,
    theme: {
      primaryColor:
        typeof tenant.theme.primaryColor === 'string' ? tenant.theme.primaryColor : null,
      accentColor: typeof tenant.theme.accentColor === 'string' ? tenant.theme.accentColor : null,
    },
    logo: logo
      ? {
          mediaType: logo.mediaType,
          sha256: logo.sha256,
          contentBase64: Buffer.from(logo.bytes).toString('base64'),
        }
      : null,
  };
}
