import { useMemo } from 'react';
import type { SourceSearch } from '../forms/index.ts';
import { useTRPCClient } from './trpcContext.ts';

/**
 * The form's table and URL sources searched through `dataSources.search`, in the
 * dossier's own version: its sources are the ones its answers are checked against.
 *
 * @example
 * const sources = useSourceSearch({ tenant: 'demo', demarche: 'aide-sociale', version: 2 });
 */
export function useSourceSearch(where: {
  tenant: string;
  demarche: string;
  version: number;
}): SourceSearch {
  const client = useTRPCClient();
  const { tenant, demarche, version } = where;
  return useMemo<SourceSearch>(() => {
    const scope = { tenant, demarche, version };
    return {
      search: (source, query) => client.dataSources.search.query({ ...scope, source, query }),
      labelOf: async (source, value) => {
        const found = await client.dataSources.search.query({ ...scope, source, value });
        return found.entries[0]?.label ?? null;
      },
    };
  }, [client, tenant, demarche, version]);
}
