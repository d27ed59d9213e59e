import { randomBytes } from 'node:crypto';
import { CALLERS, STAFF } from './callers.ts';

/** Everyone, signed in or not. */
export const EVERYONE = CALLERS;
/** Démarches are the tenant's, not a unit's: every staff member reads them. */
export const STAFF_READERS = STAFF;
/** Who sees a submitted dossier routed to `ccas`: its applicant and staff covering `ccas`
 * (not `agentMairie`, whose unit is a sibling). */
export const SUBMITTED_READERS = ['citizen', 'admin', 'agent', 'supervisor'] as const;
/** Staff who see the submitted dossier: the agents' own layer on it (comments, assignment). */
export const SUBMITTED_STAFF = ['admin', 'agent', 'supervisor'] as const;
export const ADMIN = ['admin'] as const;

/** A value no other call of the run draws: `fresh('inscrit')` → `inscrit-1a2b3c4d`. */
export const fresh = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`;
