import { type SQL, sql } from 'drizzle-orm';
import { dossiers } from '../../../db/schema/index.ts';
import type { AppDatabase } from '../../../db/types.ts';
import type { SeededTenant } from '../../testing/seedTenant.ts';

export interface QueueDossier {
  /** Default: the seeded démarche. */
  demarche?: { id: string; version: number };
  state?: string;
  /** Null: a draft. Default: the next `AIDE-2026-NNNNNN` of this helper. */
  reference?: string | null;
  unitCode?: string | null;
  assigneeId?: string | null;
  applicantId?: string;
  priority?: number;
  /** Default: the column's (a draft's first revision). */
  revision?: number;
  data?: Record<string, unknown>;
  /** Exact instants, microseconds included (`'2026-03-01T09:00:00.000001Z'`). */
  createdAt?: string;
  updatedAt?: string;
  dueAt?: string | null;
  /** Default: now. */
  enteredStateAt?: string;
  /** Default: none. */
  submittedAt?: string;
}

let counter = 0;

/**
 * Inserts a submitted dossier of the seeded démarche straight into the table, with the
 * timestamps given to the microsecond (drizzle's Date would round them to the
 * millisecond), and returns its id. Defaults: state `depose`, unit `ccas`, unassigned.
 *
 * @example
 * const id = await seedQueueDossier(db, world, { state: 'en_instruction', dueAt: null });
 */
export async function seedQueueDossier(
  db: AppDatabase,
  world: SeededTenant,
  dossier: QueueDossier = {},
): Promise<string> {
  counter += 1;
  const at = (value: string | null | undefined, fallback: SQL | null): SQL | null =>
    value === undefined ? fallback : value === null ? null : sql`${value}::timestamptz`;
  const [row] = await db
    .insert(dossiers)
    .values({
      tenantId: world.tenantId,
      demarcheId: (dossier.demarche ?? world.demarche).id,
      version: (dossier.demarche ?? world.demarche).version,
      applicantId: dossier.applicantId ?? world.accounts.citizen.id,
      reference:
        dossier.reference === undefined
          ? `AIDE-2026-${String(counter).padStart(6, '0')}`
          : dossier.reference,
      state: dossier.state ?? 'depose',
      unitCode: dossier.unitCode === undefined ? 'ccas' : dossier.unitCode,
      assigneeId: dossier.assigneeId ?? null,
      priority: dossier.priority ?? 1,
      data: dossier.data ?? {},
      ...(dossier.revision === undefined ? {} : { revision: dossier.revision }),
      createdAt: at(dossier.createdAt, sql`now()`) as unknown as Date,
      updatedAt: at(dossier.updatedAt, sql`now()`) as unknown as Date,
      dueAt: at(dossier.dueAt, null) as unknown as Date | null,
      enteredStateAt: at(dossier.enteredStateAt, sql`now()`) as unknown as Date,
      submittedAt: at(dossier.submittedAt, null) as unknown as Date | null,
    })
    .returning({ id: dossiers.id });
  return row!.id;
}
