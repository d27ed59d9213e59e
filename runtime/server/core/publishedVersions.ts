import type { DemarcheDefinition } from '../../../shared/definition/types.ts';
import type { AppDatabase } from '../../db/types.ts';

/** A published version and the démarche it belongs to, its definition decoded. */
export interface PublishedVersion {
  demarcheId: string;
  slug: string;
  title: string;
  version: number;
  definition: DemarcheDefinition;
}

/**
 * The published versions a process has read, decoded once (`readStoredDefinition`) and
 * kept, bounded by count: published versions are immutable, so a version read twice
 * costs one query. Every read is filtered on the tenant; `db` is the caller's connection
 * or transaction (PGlite has one connection).
 */
export interface PublishedVersions {
  /** The version a dossier lives on, or null if this tenant has none such. */
  get(
    db: AppDatabase,
    tenantId: string,
    demarcheId: string,
    version: number,
  ): Promise<PublishedVersion | null>;
  /** The latest published version of the démarche `slug`, where new dossiers start. */
  latest(db: AppDatabase, tenantId: string, slug: string): Promise<PublishedVersion | null>;
}
