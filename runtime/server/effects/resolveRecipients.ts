import { fullFormats } from 'ajv-formats/dist/formats.js';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Recipient } from '../../../shared/definition/types.ts';
import { type AppDatabase, memberships, units, users } from '../../db/index.ts';
import type { EffectDossier } from './loadEffectDossier.ts';

/**
 * The addresses a notification goes to, read when the mail is sent (an assignee or a
 * unit's staff may have changed since the transition; the mail follows the dossier):
 * - `applicant`: the applicant's account;
 * - `assignee`: the assigned agent, none when the dossier is unassigned;
 * - `unit`: every staff member with a membership in the dossier's unit (that unit
 *   itself; supervisors of a parent unit see the queue but are not mailed) — the unit
 *   the mail was decided for when the same transition then moved the dossier (the
 *   caller passes it as `unitCode`: a transfer's mail to the union it leaves);
 * - `email`: the fixed address of the definition;
 * - `field`: the address typed in that form field, read now, and only if it still is an
 *   e-mail address (the form checks it at submit, but an older version or a later edit
 *   may not have): anything else goes to nobody (`fieldAddress`).
 * Disabled accounts are left out. An empty list means there is nobody to tell.
 *
 * @example
 * await resolveRecipients(db, tenantId, dossier, { kind: 'applicant' }) // ['claire@example.fr']
 */
export async function resolveRecipients(
  db: AppDatabase,
  tenantId: string,
  dossier: Pick<EffectDossier, 'applicantId' | 'assigneeId' | 'unitCode' | 'data'>,
  to: Recipient,
): Promise<string[]> {
  switch (to.kind) {
    case 'applicant':
      return emailsOf(db, tenantId, [dossier.applicantId]);
    case 'assignee':
      return dossier.assigneeId ? emailsOf(db, tenantId, [dossier.assigneeId]) : [];
    case 'unit':
      return dossier.unitCode ? unitStaffEmails(db, tenantId, dossier.unitCode) : [];
    case 'email':
      return [to.address];
    case 'field': {
      const address = fieldAddress(dossier.data, to.field);
      return address === null ? [] : [address];
    }
  }
}

/**
 * The e-mail address in a form field, or null: absent, not a string, or not an address
 * by the form's own `format: email` check (which also keeps line breaks, and so header
 * injection, out).
 *
 * @example
 * fieldAddress({ contact: 'bureau@amis.fr' }, 'contact'); // 'bureau@amis.fr'
 * fieldAddress({ contact: 'x\nBcc: y@z.fr' }, 'contact'); // null
 */
export function fieldAddress(data: Record<string, unknown>, field: string): string | null {
  const value = Object.hasOwn(data, field) ? data[field] : undefined;
  if (typeof value !== 'string' || !EMAIL.test(value)) return null;
  return value;
}

// ajv-formats' `email` is a RegExp (its typing is the union of every format's shape).
const EMAIL = fullFormats.email as RegExp;

async function emailsOf(db: AppDatabase, tenantId: string, userIds: string[]): Promise<string[]> {
  const rows = await db
    .select({ email: users.email })
    .from(users)
    .where(and(eq(users.tenantId, tenantId), inArray(users.id, userIds), isNull(users.disabledAt)));
  return rows.map((row) => row.email);
}

async function unitStaffEmails(
  db: AppDatabase,
  tenantId: string,
  unitCode: string,
): Promise<string[]> {
  const rows = await db
    .selectDistinct({ email: users.email })
    .from(memberships)
    .innerJoin(
      units,
      and(eq(units.tenantId, memberships.tenantId), eq(units.id, memberships.unitId)),
    )
    .innerJoin(
      users,
      and(eq(users.tenantId, memberships.tenantId), eq(users.id, memberships.userId)),
    )
    .where(
      and(
        eq(memberships.tenantId, tenantId),
        eq(units.code, unitCode),
        eq(users.kind, 'staff'),
        isNull(users.disabledAt),
      ),
    )
    .orderBy(users.email);
  return rows.map((row) => row.email);
}
