import { eq } from 'drizzle-orm';
import { tenantHosts, tenants } from '../../db/index.ts';
import type { Database } from '../../db/types.ts';

/**
 * The tenant a request's address stands for. `byHost`: the Host is one of the tenant's
 * own addresses (`tenant_hosts`), so its pages and its API belong to that tenant alone;
 * false when no host matched and the configured default tenant answers (the shared
 * address, e.g. `npm start`'s localhost).
 */
export interface HostTenant {
  id: string;
  slug: string;
  byHost: boolean;
}

export interface HostTenants {
  /** The tenant of a `Host` header, else the default tenant, else null (no page for it). */
  resolve(hostHeader: string | undefined): Promise<HostTenant | null>;
  /** Forgets what this process learnt, after a tenant's hosts changed here. */
  forget(): void;
}

/** A host name as stored: lower case, two labels or more, letters, digits and hyphens. */
export const HOST_NAME =
  /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/;

/** Answers are kept this long, so other processes see a changed host within it. */
const KEEP_MS = 10_000;
/** Past this many hosts the memo starts again: a flood of made-up Hosts cannot grow it. */
const MAX_KEPT = 1_000;

/**
 * The host name of a `Host` header: lower case, without its port or a trailing dot;
 * null when it cannot be a host name (then only the default tenant can answer).
 *
 * @example
 * hostOf('Mairie-Exemple.Guichet.fr.:443'); // 'mairie-exemple.guichet.fr'
 */
export function hostOf(header: string | undefined): string | null {
  if (header === undefined) return null;
  const name = header
    .trim()
    .toLowerCase()
    .replace(/:\d{1,5}$/, '')
    .replace(/\.$/, '');
  return HOST_NAME.test(name) ? name : null;
}

/**
 * Resolves request addresses to tenants (docs/ARCHITECTURE.md, « One address per
 * collectivité »): a host of `tenant_hosts` names its tenant; any other address gets
 * `defaultSlug`'s tenant when one is configured (`GUICHET_DEFAULT_TENANT`), else null.
 * Answers are kept per process for 10 s, forgotten at once when hosts change here.
 *
 * @example
 * const hosts = createHostTenants(database, 'demo');
 * await hosts.resolve('mairie-exemple.guichet.fr'); // { id, slug: 'mairie-exemple', byHost: true }
 */
export function createHostTenants(database: Database, defaultSlug: string | null): HostTenants {
  const kept = new Map<string, { answer: HostTenant | null; until: number }>();
  const lookUp = async (host: string | null): Promise<HostTenant | null> => {
    if (host !== null) {
      const [owner] = await database.db
        .select({ id: tenants.id, slug: tenants.slug })
        .from(tenantHosts)
        .innerJoin(tenants, eq(tenants.id, tenantHosts.tenantId))
        .where(eq(tenantHosts.host, host));
      if (owner) return { ...owner, byHost: true };
    }
    if (defaultSlug === null) return null;
    const [fallback] = await database.db
      .select({ id: tenants.id, slug: tenants.slug })
      .from(tenants)
      .where(eq(tenants.slug, defaultSlug));
    return fallback ? { ...fallback, byHost: false } : null;
  };
  return {
    async resolve(hostHeader) {
      const host = hostOf(hostHeader);
      const key = host ?? '';
      const now = Date.now();
      const memo = kept.get(key);
      if (memo !== undefined && memo.until > now) return memo.answer;
      const answer = await lookUp(host);
      if (kept.size >= MAX_KEPT) kept.clear();
      kept.set(key, { answer, until: now + KEEP_MS });
      return answer;
    },
    forget: () => kept.clear(),
  };
}
