import { memo } from 'react';
import type { Me } from '../AccountBar.tsx';
import { NewDossierMenu } from '../counter/NewDossierMenu.tsx';
import { ShortcutHints } from '../keyboard/ShortcutHints.tsx';
import {
  type QueueFilters,
  type QueueListInput,
  searchFromFilters,
} from '../navigation/queueFilters.ts';
import { QueueExport } from './QueueExport.tsx';
import { QueueFilterForm } from './QueueFilterForm.tsx';
import { QueueTabs } from './QueueTabs.tsx';
import { SavedViews } from './SavedViews.tsx';

const HINTS = [
  ['j / ↓', 'dossier suivant'],
  ['k / ↑', 'dossier précédent'],
  ['Entrée', 'ouvrir le dossier'],
  ['Espace', 'cocher pour une action groupée'],
  ['Maj + ↓ / ↑', 'cocher une plage'],
  ['/', 'rechercher'],
] as const;

type QueueTabsProps = Parameters<typeof QueueTabs>[0];

interface QueueControlsProps {
  /** The address's query string: a new one rebuilds the filter form. */
  search: string;
  filters: QueueFilters;
  input: QueueListInput;
  me: Me;
  demarches: QueueTabsProps['demarches'];
  demarcheTotals: QueueTabsProps['demarcheTotals'];
  counts: QueueTabsProps['counts'];
  go: (to: string) => void;
  /** The filters were applied: the page hands the focus to the results. */
  applied: () => void;
}

/**
 * Everything above the queue's list — tabs, filters, saved views, « Nouveau dossier »,
 * the shortcuts, the export — memoised: a page of rows arriving while the agent scrolls
 * changes none of it, and redrawing it then held frames of the scroll back.
 */
export const QueueControls = memo(function QueueControls(props: QueueControlsProps) {
  const { filters, go } = props;
  return (
    <>
      <QueueTabs
        filters={filters}
        demarches={props.demarches}
        demarcheTotals={props.demarcheTotals}
        counts={props.counts}
        go={go}
      />
      <QueueFilterForm
        key={props.search}
        filters={filters}
        units={props.me.coveredUnitCodes.map((code) => ({
          code,
          name: props.me.units.find((unit) => unit.code === code)?.name ?? code,
        }))}
        apply={(next) => {
          go(`/agent/${searchFromFilters(next)}`);
          props.applied();
        }}
      />
      <SavedViews search={searchFromFilters(filters)} go={go} />
      <NewDossierMenu />
      <ShortcutHints hints={HINTS} />
      <QueueExport input={props.input} />
    </>
  );
});
