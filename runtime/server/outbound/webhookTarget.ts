import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { err, ok, type Result } from '../../../shared/result.ts';

export type WebhookTargetError =
  | { code: 'INVALID_URL' }
  | { code: 'FORBIDDEN_SCHEME'; scheme: string }
  | { code: 'CREDENTIALS_IN_URL' }
  | { code: 'FORBIDDEN_ADDRESS'; address: string }
  | { code: 'UNRESOLVABLE_HOST'; host: string };

/** Resolves a host name to every address it has (`dns.lookup` with `all: true`). */
export type ResolveHost = (host: string) => Promise<string[]>;

export interface WebhookTarget {
  url: URL;
  /** The addresses checked; the sender connects to one of these only (`guardedLookup`). */
  addresses: string[];
}

const resolveWithDns: ResolveHost = async (host) =>
  (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);

/**
 * Decides whether a webhook may be called at all (docs/SECURITY.md §14), before any request:
 * http(s) only, no credentials in the URL, and every address the host resolves to must
 * be public (`isForbiddenAddress`), unless `allowPrivateTargets` (tests, or an intranet
 * deployment that knows what it does). A host with one private address among public
 * ones is refused: DNS could hand out either.
 *
 * @example
 * await checkWebhookTarget('http://169.254.169.254/latest', { allowPrivateTargets: false })
 * // { ok: false, error: { code: 'FORBIDDEN_ADDRESS', address: '169.254.169.254' } }
 */
export async function checkWebhookTarget(
  raw: string,
  options: { allowPrivateTargets: boolean; resolve?: ResolveHost },
): Promise<Result<WebhookTarget, WebhookTargetError>> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return err({ code: 'INVALID_URL' });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return err({ code: 'FORBIDDEN_SCHEME', scheme: url.protocol.replace(/:$/, '') });
  }
  if (url.username !== '' || url.password !== '') return err({ code: 'CREDENTIALS_IN_URL' });
  // `new URL` keeps IPv6 literals in brackets and normalises `0x7f.1` to `127.0.0.1`.
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : await (options.resolve ?? resolveWithDns)(host);
  } catch {
    return err({ code: 'UNRESOLVABLE_HOST', host });
  }
  if (addresses.length === 0) return err({ code: 'UNRESOLVABLE_HOST', host });
  if (!options.allowPrivateTargets) {
    const forbidden = addresses.find(isForbiddenAddress);
    if (forbidden !== undefined) return err({ code: 'FORBIDDEN_ADDRESS', address: forbidden });
  }
  return ok({ url, addresses });
}

/** Addresses no webhook may reach: loopback, private, link-local (cloud metadata), CGNAT,
 * multicast, reserved and documentation ranges, in IPv4 and IPv6. */
const FORBIDDEN = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  FORBIDDEN.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  FORBIDDEN.addSubnet(network, prefix, 'ipv6');
}

/**
 * Whether an IP address is one a webhook must not reach. IPv6 forms that embed an IPv4
 * address (mapped `::ffff:a.b.c.d`, NAT64 `64:ff9b::/96`, 6to4 `2002::/16`) are judged
 * by that IPv4 address. Anything that is not an IP address is refused.
 *
 * @example
 * isForbiddenAddress('10.0.0.1') // true
 * isForbiddenAddress('::ffff:127.0.0.1') // true
 * isForbiddenAddress('93.184.215.14') // false
 */
export function isForbiddenAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return FORBIDDEN.check(address, 'ipv4');
  if (family !== 6) return true;
  const embedded = embeddedIpv4(address);
  if (embedded !== null) return FORBIDDEN.check(embedded, 'ipv4');
  return FORBIDDEN.check(address, 'ipv6');
}

function embeddedIpv4(address: string): string | null {
  const words = expandIpv6(address);
  if (words === null) return null;
  const v4 = (high: number, low: number) => `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;
  const zeros = (from: number, to: number) => words.slice(from, to).every((w) => w === 0);
  // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (deprecated compatible, not :: or ::1).
  if (zeros(0, 5) && words[5] === 0xffff) return v4(words[6]!, words[7]!);
  if (zeros(0, 6) && (words[6] !== 0 || words[7]! > 1)) return v4(words[6]!, words[7]!);
  // 64:ff9b::/96 (NAT64) and 2002::/16 (6to4).
  if (words[0] === 0x64 && words[1] === 0xff9b && zeros(2, 6)) return v4(words[6]!, words[7]!);
  if (words[0] === 0x2002) return v4(words[1]!, words[2]!);
  return null;
}

/** The eight 16-bit words of an IPv6 address (dotted IPv4 tail and `::` expanded). */
function expandIpv6(address: string): number[] | null {
  let text = address.split('%')[0] ?? address;
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const parse = (part: string) =>
    part === '' ? [] : part.split(':').map((w) => Number.parseInt(w, 16));
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  const fill = tail === undefined ? 0 : 8 - left.length - right.length;
  const words = [...left, ...new Array<number>(Math.max(fill, 0)).fill(0), ...right];
  return words.length === 8 && words.every((w) => Number.isInteger(w)) ? words : null;
}
