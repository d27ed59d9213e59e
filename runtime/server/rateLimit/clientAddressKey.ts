import { isIPv4, isIPv6 } from 'node:net';

/**
 * The part of a client address a rate limit counts by. IPv4 (and IPv4-mapped IPv6,
 * as Node reports dual-stack sockets) as is; IPv6 by its /64, because one subscriber
 * usually gets a whole /64 and could otherwise rotate addresses to dodge the limit.
 *
 * @example
 * clientAddressKey('::ffff:203.0.113.7')     // '203.0.113.7'
 * clientAddressKey('2001:db8:1:2:3:4:5:6')   // '2001:db8:1:2::/64'
 */
export function clientAddressKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped?.[1]) return mapped[1];
  if (isIPv4(ip) || !isIPv6(ip)) return ip;
  const address = ip.toLowerCase().split('%')[0]!;
  const [head = '', tail] = address.includes('::') ? address.split('::') : [address];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const zeros: string[] = Array(Math.max(0, 8 - left.length - right.length)).fill('0');
  const groups = tail === undefined ? left : [...left, ...zeros, ...right];
  const prefix = groups.slice(0, 4).map((group) => group.replace(/^0+(?=.)/, ''));
  return `${prefix.join(':')}::/64`;
}
