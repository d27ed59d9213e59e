import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../api/trpcContext.ts';
import { CitizenPage } from '../layout/CitizenPage.tsx';

/**
 * The form page while its code or its validators load: the démarche's title as soon as
 * the dossier is in (asked by FillRoute; this only reads it, never asks), and « Chargement… ».
 */
export function FillPageLoading({ id }: { id: string }) {
  const trpc = useTRPC();
  const dossier = useQuery({ ...trpc.dossiers.get.queryOptions({ id }), enabled: false });
  return (
    <CitizenPage title={dossier.data?.demarche.title ?? 'Chargement du formulaire'}>
      <p role="status">Chargement…</p>
    </CitizenPage>
  );
}
