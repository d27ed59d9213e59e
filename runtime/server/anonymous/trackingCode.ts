import { randomBytes } from 'node:crypto';
import { sha256Hex } from './anonymousPass.ts';

/**
 * Tracking codes: 160 random bits written as 32 characters of Crockford's base32 (no I,
 * L, O, U: nothing to confuse when read aloud or copied by hand), in eight groups of four
 * (`7KQ2-…`). Typed back, case, spaces and dashes do not matter, and I, L and O read as
 * 1, 1 and 0.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 32;

/**
 * @example
 * newTrackingCode(); // '7KQ2-M9XD-…' (39 characters)
 */
export function newTrackingCode(): string {
  const bytes = randomBytes(LENGTH);
  const characters = [...bytes].map((byte) => ALPHABET[byte % 32]!);
  const groups: string[] = [];
  for (let i = 0; i < LENGTH; i += 4) groups.push(characters.slice(i, i + 4).join(''));
  return groups.join('-');
}

/**
 * The stored hash of a typed code, or null when it cannot be a code (wrong length or
 * characters): the caller answers it exactly as an unknown code.
 *
 * @example
 * trackingCodeHash(' 7kq2 m9xd … '); // the same hash as '7KQ2-M9XD-…'
 */
export function trackingCodeHash(typed: string): string | null {
  const normalised = typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  if (normalised.length !== LENGTH) return null;
  for (const character of normalised) if (!ALPHABET.includes(character)) return null;
  return sha256Hex(normalised);
}
