import { and, eq } from 'drizzle-orm';
import type { DemarcheDefinition, Priority } from '../../../shared/definition/types.ts';
import { err, ok, type Result } from '../../../shared/result.ts';
import {
  type AppDatabase,
  dossierEvents,
  dossiers,
  PRIORITY_RANKS,
  tenants,
} from '../../db/index.ts';
import { loadPublishedVersion } from '../dossiers/index.ts';
import type { EffectJobData } from './effectJob.ts';

/** What a handler knows of the dossier an effect is about, read when the job runs. */
export interface EffectDossier {
  tenantSlug: string;
  /** The tenant's name and white-label theme: a letter's letterhead. */
  tenantName: string;
  tenantTheme: Record<string, unknown>;
  id: string;
  reference: string | null;
  state: string;
  data: Record<string, unknown>;
  applicantId: string;
  assigneeId: string | null;
  unitCode: string | null;
  /** The definition of the published version the effect was decided on. */
  definition: DemarcheDefinition;
  /** When the event that decided the effect happened (ISO 8601), if it is still there. */
  eventAt: string | null;
  /** `{{ dossier.* }}` of templates: exactly `DOSSIER_PLACEHOLDERS` of shared/analysis. */
  placeholders: Record<string, unknown>;
}

export type LoadDossierError = { code: 'DOSSIER_NOT_FOUND' } | { code: 'VERSION_NOT_FOUND' };

/**
 * Reads the dossier, its tenant, the definition of the job's published version and the
 * time of the deciding event, always filtered on the job's tenant. A dossier gone (purged
 * at the end of its retention) is an error value: the effect is then skipped.
 *
 * @example
 * const loaded = await loadEffectDossier(database.db, job);
 * if (!loaded.ok) return { status: 'skipped', reason: loaded.error.code };
 */
export async function loadEffectDossier(
  db: AppDatabase,
  job: EffectJobData,
): Promise<Result<EffectDossier, LoadDossierError>> {
  const [row] = await db
    .select({
      dossier: dossiers,
      tenantSlug: tenants.slug,
      tenantName: tenants.name,
      tenantTheme: tenants.theme,
    })
    .from(dossiers)
    .innerJoin(tenants, eq(tenants.id, dossiers.tenantId))
    .where(and(eq(dossiers.tenantId, job.tenantId), eq(dossiers.id, job.dossierId)));
  if (!row) return err({ code: 'DOSSIER_NOT_FOUND' });
  // Through the process's published versions: decoded once, not once per job.
  const published = await loadPublishedVersion(db, job.tenantId, job.demarcheId, job.version);
  if (!published) return err({ code: 'VERSION_NOT_FOUND' });
  const [event] = await db
    .select({ at: dossierEvents.at })
    .from(dossierEvents)
    .where(
      and(
        eq(dossierEvents.tenantId, job.tenantId),
        eq(dossierEvents.dossierId, job.dossierId),
        eq(dossierEvents.seq, Number(job.eventSeq)),
      ),
    );
  const { definition } = published;
  const { dossier } = row;
  const stateLabel =
    definition.workflow?.states?.find((s) => s.id === dossier.state)?.label ?? dossier.state;
  return ok({
    tenantSlug: row.tenantSlug,
    tenantName: row.tenantName,
    tenantTheme: row.tenantTheme,
    id: dossier.id,
    reference: dossier.reference ?? job.reference,
    state: dossier.state,
    data: dossier.data,
    applicantId: dossier.applicantId,
    assigneeId: dossier.assigneeId,
    unitCode: dossier.unitCode,
    definition,
    eventAt: event ? event.at.toISOString() : null,
    placeholders: {
      reference: dossier.reference ?? job.reference,
      state: dossier.state,
      stateLabel,
      createdAt: dossier.createdAt.toISOString(),
      enteredStateAt: dossier.enteredStateAt.toISOString(),
      dueAt: dossier.dueAt?.toISOString() ?? null,
      unit: dossier.unitCode,
      priority: priorityName(dossier.priority),
    },
  });
}

function priorityName(rank: number): Priority {
  const found = Object.entries(PRIORITY_RANKS).find(([, value]) => value === rank);
  return (found?.[0] as Priority | undefined) ?? 'normal';
}
