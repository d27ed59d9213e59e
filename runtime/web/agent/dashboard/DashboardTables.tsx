import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../../server/router.ts';
import { frenchCount, frenchDay, frenchDays } from './frenchFigures.ts';

export type DashboardFigures = inferRouterOutputs<AppRouter>['dashboard']['figures'];

const KINDS = { draft: 'Brouillon', active: 'En cours', final: 'Clôturé' } as const;

/**
 * The figures as two tables, each with a caption naming the level and the period:
 * the summary (pending and late work now, the period's submissions, transfers and
 * decision times), then every state with its dossiers now, the late ones and the
 * dossiers that entered it during the period.
 */
export function DashboardTables({
  figures,
  levelName,
}: {
  figures: DashboardFigures;
  levelName: string;
}) {
  const period = `du ${frenchDay(figures.period.from)} au ${frenchDay(figures.period.to)}`;
  const severalDemarches = new Set(figures.states.map((state) => state.demarcheId)).size > 1;
  const summary: Array<[string, string]> = [
    [
      'Dossiers en cours aujourd’hui (hors brouillons et dossiers clôturés)',
      frenchCount(figures.pending),
    ],
    ['Dont en retard', frenchCount(figures.late)],
    ['Dossiers déposés sur la période', frenchCount(figures.submitted)],
    ['Transferts entrants sur la période', frenchCount(figures.transfers.in)],
    ['Transferts sortants sur la période', frenchCount(figures.transfers.out)],
    ['Dossiers clôturés sur la période', frenchCount(figures.decisions.count)],
    ['Durée moyenne de traitement (depuis le dépôt)', frenchDays(figures.decisions.averageMs)],
    ['Durée médiane de traitement (depuis le dépôt)', frenchDays(figures.decisions.medianMs)],
  ];
  return (
    <>
      <table className="chiffres">
        <caption>
          Synthèse — {levelName}, {period}
        </caption>
        <thead>
          <tr>
            <th scope="col">Indicateur</th>
            <th scope="col">Valeur</th>
          </tr>
        </thead>
        <tbody>
          {summary.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="chiffres">
        <caption>
          Dossiers par état — {levelName}, {period}
        </caption>
        <thead>
          <tr>
            <th scope="col">État</th>
            <th scope="col">Nature</th>
            <th scope="col">Dossiers aujourd’hui</th>
            <th scope="col">Dont en retard</th>
            <th scope="col">Entrés dans l’état sur la période</th>
          </tr>
        </thead>
        <tbody>
          {figures.states.map((state) => (
            <tr key={`${state.demarcheId}:${state.state}`}>
              <th scope="row">{stateName(state, severalDemarches)}</th>
              <td className="texte">{KINDS[state.kind]}</td>
              <td>{frenchCount(state.count)}</td>
              <td>{frenchCount(state.overdue)}</td>
              <td>{frenchCount(state.entered)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** « Adhésion syndicale : Demande déposée » when several démarches are shown, so no two rows read alike. */
export function stateName(
  state: DashboardFigures['states'][number],
  severalDemarches: boolean,
): string {
  return severalDemarches ? `${state.demarcheTitle} : ${state.label}` : state.label;
}
