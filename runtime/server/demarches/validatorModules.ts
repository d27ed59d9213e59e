import { tenantScope } from '../../db/tenancy/tenantScope.ts';
import type { AppDatabase } from '../../db/types.ts';
import { findTenantBySlug } from './catalogQueries.ts';
import { compileValidatorModule } from './compileValidatorModule.ts';
import { readStoredDefinition } from './readStoredDefinition.ts';
import { findVersion } from './versionQueries.ts';

/** Compiled modules kept per process; a version compiles in ~100 ms, so few are enough. */
const MAX_CACHED = 200;

/** Published versions never change: one compilation per version and process. */
const compiled = new Map<string, Promise<string>>();

export interface ValidatorModuleKey {
  tenant: string;
  demarcheId: string;
  version: number;
}

/**
 * The validators module of one published version (see compileValidatorModule), or null
 * when the tenant, the démarche or the version does not exist — the same null for
 * another tenant's démarche (docs/SECURITY.md §7). Compiled once per version, lazily,
 * and cached: concurrent first requests share one compilation.
 *
 * @example
 * const source = await validatorModule(db, { tenant: 'demo', demarcheId, version: 2 });
 */
export async function validatorModule(
  db: AppDatabase,
  key: ValidatorModuleKey,
): Promise<string | null> {
  const tenant = await findTenantBySlug(db, key.tenant);
  if (!tenant) return null;
  const cacheKey = `${tenant.id}/${key.demarcheId}/${key.version}`;
  const cached = compiled.get(cacheKey);
  if (cached) return cached;
  const row = await findVersion(db, tenantScope(tenant.id), key.demarcheId, key.version);
  if (!row) return null;
  const definition = readStoredDefinition(row.definition, `${key.demarcheId} v${row.version}`);
  const source = compileValidatorModule(definition.form.schema);
  // A failed compilation is not kept: the next request tries again.
  source.catch(() => compiled.delete(cacheKey));
  if (compiled.size >= MAX_CACHED) compiled.delete(compiled.keys().next().value as string);
  compiled.set(cacheKey, source);
  return source;
}
