import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { useTRPC } from '../../api/trpcContext.ts';
import { ReceiptDownload } from '../../downloads/ReceiptDownload.tsx';
import { TrackingCodePanel } from '../anonymous/TrackingCodePanel.tsx';
import { CitizenPage } from '../layout/CitizenPage.tsx';
import { paths } from '../paths.ts';

/** After submission: the reference to quote, the state, the receipt, where to follow the dossier. */
export function ConfirmationPage({ id }: { id: string }) {
  const trpc = useTRPC();
  const dossier = useQuery(trpc.dossiers.get.queryOptions({ id }));
  // Filed without an account on this browser: the tracking code replaces « Mes dossiers ».
  const anonymous = useQuery(trpc.anonymous.current.queryOptions());
  const withoutAccount = anonymous.data?.dossierId === id ? anonymous.data : null;
  return (
    <CitizenPage title="Demande envoyée">
      {dossier.data ? (
        <div className="confirmation" role="status">
          <p>Votre demande « {dossier.data.demarche.title} » a bien été envoyée.</p>
          {dossier.data.reference ? (
            <p>
              Sa référence : <strong className="reference">{dossier.data.reference}</strong>.
              Gardez-la pour tout échange avec le service.
            </p>
          ) : null}
          <p>État : {dossier.data.state.label}.</p>
        </div>
      ) : (
        <p role="status">Chargement…</p>
      )}
      {dossier.data?.reference && !withoutAccount?.submitted ? <ReceiptDownload id={id} /> : null}
      {withoutAccount?.submitted ? <TrackingCodePanel hasCode={withoutAccount.hasCode} /> : null}
      <ul>
        <li>
          <Link href={paths.dossier(id)}>Suivre ce dossier</Link>
        </li>
        {withoutAccount ? null : (
          <li>
            <Link href={paths.mine}>Voir tous mes dossiers</Link>
          </li>
        )}
      </ul>
    </CitizenPage>
  );
}
