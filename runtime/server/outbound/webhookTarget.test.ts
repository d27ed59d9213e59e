import { describe, expect, it } from 'vitest';
import { checkWebhookTarget, isForbiddenAddress, type ResolveHost } from './webhookTarget.ts';

// docs/SECURITY.md §14: admin-set webhook URLs must not reach the server's own network. The
// validator runs before any request; a resolver is injected where DNS would matter.

const offline: ResolveHost = () => Promise.reject(new Error('no DNS in this test'));
const check = (url: string, resolve: ResolveHost = offline) =>
  checkWebhookTarget(url, { allowPrivateTargets: false, resolve });

describe('checkWebhookTarget', () => {
  it.each([
    ['http://127.0.0.1/hook', '127.0.0.1'],
    ['http://127.1/hook', '127.0.0.1'],
    ['http://0x7f000001/hook', '127.0.0.1'],
    ['http://2130706433/hook', '127.0.0.1'],
    ['http://169.254.169.254/latest/meta-data/', '169.254.169.254'],
    ['http://10.0.0.1/', '10.0.0.1'],
    ['http://172.16.5.4/', '172.16.5.4'],
    ['http://192.168.1.1/', '192.168.1.1'],
    ['http://100.64.0.1/', '100.64.0.1'],
    ['http://0.0.0.0:8080/', '0.0.0.0'],
    ['https://[::1]/', '::1'],
    ['https://[fe80::1]/', 'fe80::1'],
    ['https://[fd00::1]/', 'fd00::1'],
    ['https://[::ffff:10.0.0.1]/', '::ffff:a00:1'],
  ])('refuses %s without resolving anything', async (url, address) => {
    expect(await check(url)).toEqual({ ok: false, error: { code: 'FORBIDDEN_ADDRESS', address } });
  });

  it.each([
    ['file:///etc/passwd', 'file'],
    ['ftp://example.fr/x', 'ftp'],
    ['gopher://example.fr/', 'gopher'],
    ['javascript:alert(1)', 'javascript'],
  ])('refuses the %s scheme', async (url, scheme) => {
    expect(await check(url)).toEqual({ ok: false, error: { code: 'FORBIDDEN_SCHEME', scheme } });
  });

  it('refuses credentials in the URL and URLs that do not parse', async () => {
    expect(await check('https://user:secret@example.fr/')).toEqual({
      ok: false,
      error: { code: 'CREDENTIALS_IN_URL' },
    });
    expect(await check('not a url')).toEqual({ ok: false, error: { code: 'INVALID_URL' } });
  });

  it('refuses a host name resolving to a private address, even among public ones', async () => {
    const rebinding: ResolveHost = async () => ['93.184.215.14', '127.0.0.1'];
    expect(await check('https://hooks.example.fr/x', rebinding)).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN_ADDRESS', address: '127.0.0.1' },
    });
    expect(await check('http://localhost:8080/', async () => ['::1'])).toMatchObject({ ok: false });
  });

  it('resolves localhost for real and refuses it', async () => {
    const result = await checkWebhookTarget('http://localhost/', { allowPrivateTargets: false });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_ADDRESS' } });
  });

  it('accepts a public host and hands back the addresses it checked', async () => {
    const result = await check('https://hooks.example.fr:8443/guichet?x=1', async () => [
      '93.184.215.14',
    ]);
    expect(result.ok && result.value.addresses).toEqual(['93.184.215.14']);
    expect(result.ok && result.value.url.href).toBe('https://hooks.example.fr:8443/guichet?x=1');
  });

  it('reports a host that does not resolve (a retry may succeed)', async () => {
    expect(await check('https://nowhere.example.fr/')).toEqual({
      ok: false,
      error: { code: 'UNRESOLVABLE_HOST', host: 'nowhere.example.fr' },
    });
  });

  it('lets private targets through only when told to', async () => {
    const result = await checkWebhookTarget('http://127.0.0.1:9/hook', {
      allowPrivateTargets: true,
      resolve: offline,
    });
    expect(result.ok).toBe(true);
    expect(
      await checkWebhookTarget('file:///etc/passwd', { allowPrivateTargets: true }),
    ).toMatchObject({ ok: false });
  });
});

describe('isForbiddenAddress', () => {
  it.each([
    '127.0.0.1',
    '10.255.255.255',
    '169.254.169.254',
    '192.0.2.1',
    '224.0.0.1',
    '255.255.255.255',
    '::',
    '::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '64:ff9b::a9fe:a9fe',
    '2002:a00:1::',
    'fc00::1',
    'fe80::1%eth0',
    'ff02::1',
    'not-an-ip',
  ])('forbids %s', (address) => {
    expect(isForbiddenAddress(address)).toBe(true);
  });

  it.each([
    '93.184.215.14',
    '8.8.8.8',
    '2a00:1450:4007:80a::200e',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
  ])('allows %s', (address) => {
    expect(isForbiddenAddress(address)).toBe(false);
  });
});
