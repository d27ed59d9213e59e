import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rejection } from '../dossiers/testing/rejection.ts';
import { type DossierServer, startDossierServer } from '../dossiers/testing/startDossierServer.ts';
import { SAMPLE_PNG } from '../security/testing/sampleWorld.ts';
import { type SeededTenant, seedTenant } from '../testing/seedTenant.ts';
import type { TestClient } from '../testing/testClient.ts';

// The collectivité's contact details, colours and logo, written by its admin and read
// by anybody through the public theme.

let server: DossierServer;
let tenant: SeededTenant;
let admin: TestClient;

beforeAll(async () => {
  server = await startDossierServer();
  tenant = await seedTenant(server.database.db);
  admin = await server.signIn(tenant, 'admin');
});
afterAll(() => server.close());

const base64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');

/** The smallest JPEG and WebP headers file-type recognises, padded. */
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64)]);
const WEBP = Buffer.concat([
  Buffer.from('RIFF'),
  Buffer.from([0x24, 0, 0, 0]),
  Buffer.from('WEBPVP8 '),
  Buffer.alloc(64),
]);

describe('tenant settings', () => {
  it('stores contact details and AA colours, shown by the public theme', async () => {
    const saved = await admin.trpc.tenant.updateSettings.mutate({
      contact: {
        email: 'accueil@mairie.example.fr',
        phone: '01 23 45 67 89',
        address: '1 place de la Mairie',
      },
      theme: { primaryColor: '#1A4D8F', accentColor: '#8a2c0d' },
    });
    expect(saved.theme).toEqual({ primaryColor: '#1a4d8f', accentColor: '#8a2c0d' });
    const shown = await server.client().trpc.tenant.publicTheme.query({ tenant: tenant.slug });
    expect(shown).toMatchObject({
      name: `Commune ${tenant.slug}`,
      contact: { email: 'accueil@mairie.example.fr', phone: '01 23 45 67 89' },
      theme: { primaryColor: '#1a4d8f', accentColor: '#8a2c0d' },
      logo: null,
    });
  });

  it('refuses a colour white text cannot be read on, with its ratio in French', async () => {
    const refused = await rejection(
      admin.trpc.tenant.updateSettings.mutate({ contact: {}, theme: { primaryColor: '#ffcc00' } }),
    );
    expect(refused).toMatchObject({ code: 'BAD_REQUEST', domainCode: 'LOW_CONTRAST' });
    expect(refused.message).toContain('pas assez de contraste avec un texte blanc');
    expect(refused.message).toContain('4,5:1');
    expect(refused.fieldErrors?.['theme.primaryColor']).toHaveLength(1);
    const notHex = await rejection(
      admin.trpc.tenant.updateSettings.mutate({ contact: {}, theme: { accentColor: 'red' } }),
    );
    expect(notHex.code).toBe('BAD_REQUEST');
    const theme = await admin.trpc.tenant.settings.query({});
    expect(theme.theme.primaryColor).toBe('#1a4d8f');
  });

  it('takes a PNG, JPEG or WebP logo by its content, and serves it publicly', async () => {
    for (const [bytes, type] of [
      [JPEG, 'image/jpeg'],
      [WEBP, 'image/webp'],
      [SAMPLE_PNG, 'image/png'],
    ] as const) {
      const saved = await admin.trpc.tenant.setLogo.mutate({ contentBase64: base64(bytes) });
      expect(saved.logo?.mediaType).toBe(type);
    }
    const shown = await server.client().trpc.tenant.publicTheme.query({ tenant: tenant.slug });
    expect(shown?.logo).toMatchObject({
      mediaType: 'image/png',
      contentBase64: base64(SAMPLE_PNG),
    });
  });

  it('refuses SVG, markup and executables whatever they claim, and logos over 200 KB', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';
    const html = '<!doctype html><img src=x onerror=alert(1)>';
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]);
    for (const bytes of [svg, html, exe]) {
      const refused = await rejection(
        admin.trpc.tenant.setLogo.mutate({ contentBase64: base64(bytes) }),
      );
      expect(refused).toMatchObject({ domainCode: 'INVALID_IMAGE' });
      expect(refused.message).toContain('PNG, JPEG ou WebP');
    }
    const big = Buffer.concat([SAMPLE_PNG, Buffer.alloc(200 * 1024)]);
    const tooBig = await rejection(
      admin.trpc.tenant.setLogo.mutate({ contentBase64: base64(big) }),
    );
    expect(tooBig.code).toMatch(/PAYLOAD_TOO_LARGE|BAD_REQUEST/);
    const shown = await server.client().trpc.tenant.publicTheme.query({ tenant: tenant.slug });
    expect(shown?.logo?.contentBase64).toBe(base64(SAMPLE_PNG));
  });

  it('removes the logo; answers null for a tenant that does not exist', async () => {
    expect((await admin.trpc.tenant.removeLogo.mutate({})).logo).toBeNull();
    expect(
      await server.client().trpc.tenant.publicTheme.query({ tenant: 'nulle-part' }),
    ).toBeNull();
  });

  it('lets only admins write', async () => {
    const agent = await server.signIn(tenant, 'agent');
    const refused = await rejection(
      agent.trpc.tenant.updateSettings.mutate({ contact: {}, theme: {} }),
    );
    expect(refused.code).toBe('FORBIDDEN');
  });
});
