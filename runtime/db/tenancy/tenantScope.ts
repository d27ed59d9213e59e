import { and, eq, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/** Thrown when a query is about to run without a tenant: a bug, never a user error. */
export class MissingTenantError extends Error {
  constructor(received: unknown) {
    super(`guichet: a tenant-scoped query needs a tenant id, got ${JSON.stringify(received)}`);
    this.name = 'MissingTenantError';
  }
}

/** Any table of ours that carries `tenant_id`. */
export interface TenantTable {
  tenantId: AnyPgColumn;
}

export interface TenantScope {
  readonly tenantId: string;
  /** `tenant_id = $tenant AND …conditions`, for select, update and delete. */
  where(table: TenantTable, ...conditions: Array<SQL | undefined>): SQL;
  /** The row with `tenantId` set, overriding whatever the caller put there. */
  values<Row extends object>(row: Row): Row & { tenantId: string };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The tenant every query of a request is confined to (docs/SECURITY.md §8): it refuses to exist
 * without a tenant, so a query written through it cannot run unscoped and return every
 * tenant's rows. Chosen over row-level security because it behaves the same on both
 * drivers: PGlite and the test databases connect as a superuser, which RLS never
 * restricts, and RLS would need a `set_config` round trip inside every transaction.
 * The schema keeps the door open: every tenant-owned table leads with `tenant_id`.
 *
 * @example
 * const scope = tenantScope(ctx.session?.tenantId); // throws MissingTenantError if absent
 * await db.select().from(dossiers).where(scope.where(dossiers, eq(dossiers.id, id)));
 * await db.insert(units).values(scope.values({ code: 'UL-75', name: 'Paris' }));
 */
export function tenantScope(tenantId: string | null | undefined): TenantScope {
  if (typeof tenantId !== 'string' || !UUID.test(tenantId)) {
    throw new MissingTenantError(tenantId);
  }
  const id = tenantId.toLowerCase();
  return {
    tenantId: id,
    where(table, ...conditions) {
      // and() of at least one defined condition is never undefined.
      return and(eq(table.tenantId, id), ...conditions)!;
    },
    values(row) {
      return { ...row, tenantId: id };
    },
  };
}
