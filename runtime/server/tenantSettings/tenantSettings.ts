import { eq } from 'drizzle-orm';
import { err, ok, type Result } from '../../../shared/result.ts';
import { contrastWithWhite, MIN_TEXT_CONTRAST } from '../../../shared/theme/index.ts';
import { type AppDatabase, tenantHosts, tenantLogos, tenants } from '../../db/index.ts';
import { recordSessionAudit } from '../audit/index.ts';
import type { DomainError } from '../core/domainError.ts';
import { inTransaction } from '../dossiers/index.ts';
import { checkLogo } from './checkLogo.ts';
import type { SettingsContext } from './settingsContext.ts';

export interface TenantContactView {
  email?: string;
  phone?: string;
  address?: string;
  website?: string;
  openingHours?: string;
}

export interface TenantThemeView {
  primaryColor: string | null;
  accentColor: string | null;
}

export interface TenantSettingsView {
  slug: string;
  name: string;
  contact: TenantContactView;
  theme: TenantThemeView;
  logo: { mediaType: string; sha256: string; updatedAt: string } | null;
  /** The addresses its apps answer on, sorted (docs/ARCHITECTURE.md, « One address per collectivité »). */
  hosts: string[];
}

/**
 * The tenant's settings as its admin edits them: name, contact details, theme colours,
 * its addresses and the logo's fingerprint (its bytes come with `publicTheme`).
 *
 * @example
 * await readSettings(context.db, context.session.tenantId);
 */
export async function readSettings(db: AppDatabase, tenantId: string): Promise<TenantSettingsView> {
  const [tenant] = await db
    .select({
      slug: tenants.slug,
      name: tenants.name,
      contact: tenants.contact,
      theme: tenants.theme,
    })
    .from(tenants)
    .where(eq(tenants.id, tenantId));
  if (!tenant) throw new Error('guichet: the session’s tenant is missing');
  const [logo] = await db
    .select({
      mediaType: tenantLogos.mediaType,
      sha256: tenantLogos.sha256,
      updatedAt: tenantLogos.updatedAt,
    })
    .from(tenantLogos)
    .where(eq(tenantLogos.tenantId, tenantId));
  const hosts = await db
    .select({ host: tenantHosts.host })
    .from(tenantHosts)
    .where(eq(tenantHosts.tenantId, tenantId))
    .orderBy(tenantHosts.host);
  return {
    slug: tenant.slug,
    name: tenant.name,
    contact: tenant.contact,
    theme: {
      primaryColor:
        typeof tenant.theme.primaryColor === 'string' ? tenant.theme.primaryColor : null,
      accentColor: typeof tenant.theme.accentColor === 'string' ? tenant.theme.accentColor : null,
    },
    logo: logo ? { ...logo, updatedAt: logo.updatedAt.toISOString() } : null,
    hosts: hosts.map((row) => row.host),
  };
}

const COLOUR_LABELS = { primaryColor: 'La couleur principale', accentColor: 'La couleur d’accent' };

/**
 * Writes the contact details and theme colours (and the name, when given). Each colour
 * must carry white text at WCAG AA (4.5:1): a colour below is refused with its ratio,
 * in French, so citizens never get an unreadable button (docs/SECURITY.md §43). Audited
 * with before/after.
 *
 * @example
 * await updateSettings(context, { contact: { phone: '01 23 45 67 89' }, theme: { primaryColor: '#1a4d8f' } });
 */
export function updateSettings(
  context: SettingsContext,
  input: {
    name?: string | undefined;
    contact: Record<string, string | undefined>;
    theme: { primaryColor?: string | undefined; accentColor?: string | undefined };
  },
): Promise<Result<TenantSettingsView, DomainError>> {
  for (const key of ['primaryColor', 'accentColor'] as const) {
    const colour = input.theme[key];
    if (colour === undefined) continue;
    const contrast = contrastWithWhite(colour);
    if (contrast < MIN_TEXT_CONTRAST) {
      const message = `${COLOUR_LABELS[key]} ${colour} n’offre pas assez de contraste avec un texte blanc (${contrast.toFixed(2).replace('.', ',')}:1 ; il faut au moins 4,5:1). Choisissez une teinte plus foncée.`;
      return Promise.resolve(
        err({
          code: 'LOW_CONTRAST',
          message,
          fieldErrors: { [`theme.${key}`]: [message] },
          details: { contrast, minContrast: MIN_TEXT_CONTRAST },
        }),
      );
    }
  }
  const tenantId = context.session.tenantId;
  return inTransaction(context.db, async (tx) => {
    const contact = Object.fromEntries(
      Object.entries(input.contact).filter(([, value]) => value !== undefined && value !== ''),
    );
    const [stored] = await tx
      .select({ theme: tenants.theme })
      .from(tenants)
      .where(eq(tenants.id, tenantId))
      .for('update');
    // Read once the row is held: a save that ran meanwhile is what this one changes.
    const before = await readSettings(tx, tenantId);
    const theme = { ...stored!.theme };
    for (const key of ['primaryColor', 'accentColor'] as const) {
      if (input.theme[key] === undefined) delete theme[key];
      else theme[key] = input.theme[key].toLowerCase();
    }
    await tx
      .update(tenants)
      .set({ contact, theme, ...(input.name === undefined ? {} : { name: input.name }) })
      .where(eq(tenants.id, tenantId));
    const after = await readSettings(tx, tenantId);
    await recordSessionAudit(tx, context, {
      action: 'tenant.settings_changed',
      object: `tenant:${tenantId}`,
      details: {
        before: { name: before.name, contact: before.contact, theme: before.theme },
        after: { name: after.name, contact: after.contact, theme: after.theme },
      },
    });
    return ok(after);
  });
}

/**
 * Replaces the tenant's logo with `bytes` once they pass `checkLogo` (type by content,
 * ≤ 200 KB, never SVG). Audited with the new fingerprint.
 *
 * @example
 * await setLogo(context, Buffer.from(input.contentBase64, 'base64'));
 */
export async function setLogo(
  context: SettingsContext,
  bytes: Uint8Array,
): Promise<Result<TenantSettingsView, DomainError>> {
  const checked = await checkLogo(bytes);
  if (!checked.ok) return checked;
  const tenantId = context.session.tenantId;
  const row = {
    mediaType: checked.value.mediaType,
    bytes,
    sha256: checked.value.sha256,
    updatedAt: context.now,
  };
  return inTransaction(context.db, async (tx) => {
    await tx
      .insert(tenantLogos)
      .values({ tenantId, ...row })
      .onConflictDoUpdate({ target: tenantLogos.tenantId, set: row });
    await recordSessionAudit(tx, context, {
      action: 'tenant.logo_changed',
      object: `tenant:${tenantId}`,
      details: { mediaType: row.mediaType, sha256: row.sha256, bytes: bytes.length },
    });
    return ok(await readSettings(tx, tenantId));
  });
}

/** Removes the logo (the front office then shows the tenant's name alone). Audited. */
export async function removeLogo(context: SettingsContext): Promise<TenantSettingsView> {
  const tenantId = context.session.tenantId;
  return context.db.transaction(async (tx) => {
    await tx.delete(tenantLogos).where(eq(tenantLogos.tenantId, tenantId));
    await recordSessionAudit(tx, context, {
      action: 'tenant.logo_removed',
      object: `tenant:${tenantId}`,
    });
    return readSettings(tx, tenantId);
  });
}
