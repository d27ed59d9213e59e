import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../../server/router.ts';
import { frenchCount, frenchDay, frenchDays, frenchSpan } from './frenchFigures.ts';

export type DashboardFigures = inferRouterOutputs<AppRouter>['dashboard']['figures'];
type PeriodSummary = DashboardFigures['recent']['week'];

const KINDS = { draft: 'Brouillon', active: 'En cours', final: 'Clôturé' } as const;

/**
 * The figures as two tables, each with a caption naming the level and the period:
 * the summary (pending and late work now; then the submissions, transfers and decision
 * times of this week, this month and the chosen period side by side), then every state
 * with its dossiers now, the late ones and the dossiers that entered it during the period.
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
  const { week, month } = figures.recent;
  const columns = [
    { key: 'semaine', summary: week },
    { key: 'mois', summary: month },
    { key: 'periode', summary: figures },
  ];
  const today: Array<[string, string]> = [
    [
      'Dossiers en cours aujourd’hui (hors brouillons et dossiers clôturés)',
      frenchCount(figures.pending),
    ],
    ['Dont en retard', frenchCount(figures.late)],
  ];
  const periodic: Array<[string, (summary: PeriodSummary) => string]> = [
    ['Nouveaux dossiers déposés', (s) => frenchCount(s.submitted)],
    ['Transferts entrants', (s) => frenchCount(s.transfers.in)],
    ['Transferts sortants', (s) => frenchCount(s.transfers.out)],
    ['Dossiers clôturés', (s) => frenchCount(s.decisions.count)],
    ['Durée moyenne de traitement (depuis le dépôt)', (s) => frenchDays(s.decisions.averageMs)],
    ['Durée médiane de traitement (depuis le dépôt)', (s) => frenchDays(s.decisions.medianMs)],
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
            <th scope="col">
              Cette semaine <span className="dates">({frenchSpan(week.period)})</span>
            </th>
            <th scope="col">
              Ce mois-ci <span className="dates">({frenchSpan(month.period)})</span>
            </th>
            <th scope="col">
              Période choisie <span className="dates">({frenchSpan(figures.period)})</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {today.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              {/* A count of now: the same whatever the period. */}
              <td colSpan={columns.length}>{value}</td>
            </tr>
          ))}
          {periodic.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              {columns.map(({ key, summary }) => (
                <td key={key}>{value(summary)}</td>
              ))}
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
