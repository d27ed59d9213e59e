import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { domainErrorOf } from '../../api/domainErrorOf.ts';
import { useTRPC, useTRPCClient } from '../../api/trpcContext.ts';
import type { SafeChooser } from '../../forms/index.ts';
import { useSession } from '../session/useSession.ts';

/**
 * The signed-in citizen's usable documents as a form's file fields offer them (`documents.list`, then
 * `documents.attach` to a field of `dossierId`); undefined for a visitor without an
 * account, who has no safe.
 *
 * @example
 * const safe = useSafeChooser(view.id);
 */
export function useSafeChooser(dossierId: string): SafeChooser | undefined {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const session = useSession();
  const documents = useQuery({
    ...trpc.documents.list.queryOptions(),
    enabled: session.data?.kind === 'citizen',
  });
  return useMemo(() => {
    if (!documents.data) return undefined;
    // An infected or expired document is never offered (the server refuses both, §56, §113).
    const usable = documents.data.filter(
      (document) => document.scanStatus !== 'infected' && !document.expired,
    );
    return {
      documents: usable,
      async attach(documentId: string, field: string) {
        try {
          return await client.documents.attach.mutate({ documentId, dossierId, field });
        } catch (error) {
          const refusal = domainErrorOf(error);
          const fieldMessage = Object.values(refusal?.fieldErrors ?? {})[0]?.[0];
          throw new Error(fieldMessage ?? refusal?.message ?? 'Le document n’a pas pu être joint.');
        }
      },
    };
  }, [documents.data, client, dossierId]);
}
