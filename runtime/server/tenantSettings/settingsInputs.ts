import { z } from 'zod';
import { HEX_COLOUR } from '../../../shared/theme/index.ts';
import { HOST_NAME } from '../core/hostTenants.ts';

/** Input schemas of the tenant settings procedures, all strict (docs/SECURITY.md §10). */

/** 200 KB: a logo, not a photo. */
export const MAX_LOGO_BYTES = 200 * 1024;

const colour = z.string().regex(HEX_COLOUR, 'Couleur attendue au format #rrggbb.');
const line = (max: number) => z.string().trim().max(max).optional();

export const contactSchema = z.strictObject({
  email: z
    .string()
    .trim()
    .max(254)
    .pipe(z.email({ error: 'Adresse e-mail invalide.' }))
    .optional(),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9 +().-]{4,30}$/, 'Numéro de téléphone invalide.')
    .optional(),
  address: line(500),
  website: z
    .string()
    .trim()
    .max(500)
    .regex(/^https:\/\/[^\s]+$/, 'Adresse de site attendue en https://.')
    .optional(),
  openingHours: line(500),
});

export const themeSchema = z.strictObject({
  primaryColor: colour.optional(),
  accentColor: colour.optional(),
});

export const updateSettingsInput = z.strictObject({
  name: z.string().trim().min(1, 'Le nom est obligatoire.').max(200).optional(),
  contact: contactSchema,
  theme: themeSchema,
});

export const setLogoInput = z.strictObject({
  /** The image's bytes in base64; its type is read from the content, never declared. */
  contentBase64: z
    .string()
    .max(Math.ceil(MAX_LOGO_BYTES / 3) * 4 + 8, 'Le logo dépasse 200 Ko.')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Contenu base64 invalide.'),
});

/** For procedures that take nothing: still strict, so smuggled keys are refused. */
export const noInput = z.strictObject({}).prefault({});

export const publicThemeInput = z.strictObject({ tenant: z.string().trim().min(1).max(63) });

/** At most this many addresses per collectivité: a few names, not a wildcard by hand. */
export const MAX_TENANT_HOSTS = 10;

const hostName = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(
    HOST_NAME,
    'Adresse attendue sous la forme mairie-exemple.guichet.fr (sans https:// ni port).',
  );

/** `tenant.setHosts`: the whole list, each a host name (no scheme, port, path or space). */
export const setHostsInput = z.strictObject({
  hosts: z
    .array(hostName)
    .max(MAX_TENANT_HOSTS, `${MAX_TENANT_HOSTS} adresses au plus.`)
    .refine((hosts) => new Set(hosts).size === hosts.length, 'Une adresse est en double.'),
});
