import type { AnyTRPCRouter } from '@trpc/server';

/** One procedure of a router, as the security suites see it. */
export interface CatalogEntry {
  /** Dotted path, as the client calls it: `dossiers.messages.send`. */
  path: string;
  type: 'query' | 'mutation' | 'subscription';
  /** Whether the procedure declares an input parser at all. */
  hasInput: boolean;
  /** Its input parsers (zod schemas here), for checking sample inputs without a call. */
  inputs: readonly unknown[];
}

interface ProcedureDef {
  type: CatalogEntry['type'];
  inputs: unknown[];
}

function procedureDefOf(value: unknown): ProcedureDef {
  const def = (value as { _def?: Partial<ProcedureDef> } | null)?._def;
  if (def === undefined || typeof def.type !== 'string' || !Array.isArray(def.inputs)) {
    throw new Error('guichet: not a tRPC v11 procedure; the security catalog needs updating');
  }
  return { type: def.type, inputs: def.inputs };
}

/**
 * Every procedure of `router`, read from tRPC's own flattened table (`_def.procedures`,
 * keyed by dotted path in v11), sorted by path. The security suites iterate this list
 * rather than a hand-written one, so a procedure added to the router is tested — or
 * fails the registry check — without anyone remembering it (docs/SECURITY.md §7).
 *
 * Lazy routers are refused: their procedures only appear in the table once loaded, so
 * the catalog would silently miss them.
 *
 * @example
 * procedureCatalog(appRouter).map((p) => p.path); // ['auth.changePassword', 'auth.login', …]
 */
export function procedureCatalog(router: AnyTRPCRouter): CatalogEntry[] {
  if (Object.keys(router._def.lazy).length > 0) {
    throw new Error('guichet: lazy routers are not catalogued; load them eagerly');
  }
  // Typed as the nested record, but at run time tRPC v11 keeps it flat by dotted path.
  const table = router._def.procedures as Record<string, unknown>;
  return Object.entries(table)
    .map(([path, procedure]) => {
      const def = procedureDefOf(procedure);
      return { path, type: def.type, hasInput: def.inputs.length > 0, inputs: def.inputs };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}
