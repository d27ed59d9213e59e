import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id; the enum is an ambient const enum, which isolated modules cannot read.
const ARGON2ID = 2;

/**
 * argon2id with OWASP's second recommended profile (19 MiB, 2 passes, 1 lane): strong
 * enough for ASVS level 2 and about 20 ms on these machines, so a login burst does not
 * starve the server.
 */
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/**
 * Hashes a password to an argon2id PHC string (salt included).
 *
 * @example
 * const stored = await hashPassword('correct horse battery staple');
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFC'), OPTIONS);
}

/**
 * Checks a password against a stored PHC string; false on any malformed hash. Both sides
 * are NFC-normalised: "é" typed on a phone (one code point) and on a Mac keyboard (e +
 * accent) is the same password.
 */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password.normalize('NFC'));
  } catch {
    return false;
  }
}

/**
 * A fixed hash to verify against when the account does not exist, so the answer takes
 * as long as for a real account and does not reveal which emails are registered.
 */
let decoy: Promise<string> | null = null;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword('decoy password that matches nothing');
  return decoy;
}
