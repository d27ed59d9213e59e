import { createContext, memo, type ReactNode, useContext } from 'react';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import type { DemarcheDefinition } from '../../shared/definition/index.ts';
import type { DraftDispatch } from '../editing/index.ts';
import { FormBuilder } from '../form/FormBuilder.tsx';
import { JsonEditor } from '../json/index.ts';
import type { EditorTab, LintTarget } from '../lint/lintTarget.ts';
import { SimulationPanel } from '../simulation/SimulationPanel.tsx';
import { TestCasesPanel } from '../simulation/TestCasesPanel.tsx';
import { VersionsPanel } from '../versions/VersionsPanel.tsx';
import { WorkflowEditor } from '../workflow/index.ts';
import { workflowEdit } from './workflowEdits.ts';

/** The draft being edited, for the tabs' contents (`EditorTabs`). */
export const DraftContext = createContext<DemarcheDefinition | null>(null);

/** Renders `children` with the draft of `DraftContext`: only this part follows each edit. */
function WithDraft({ children }: { children: (definition: DemarcheDefinition) => ReactNode }) {
  const definition = useContext(DraftContext);
  if (definition === null) throw new Error('EditorTabs needs a DraftContext');
  return children(definition);
}

/**
 * The editor's tabs — form, circuit, JSON, simulation, test cases, versions — each
 * fed the draft through `DraftContext`. Memoised: a keystroke re-renders the open tab's
 * content, not react-aria's tabs, whose context changes at each of their renders and
 * would make React search the whole builder (900 rows and fields) for its consumers.
 */
export const EditorTabs = memo(function EditorTabs({
  id,
  tab,
  onTab,
  dispatch,
  undo,
  selectedKey,
  onSelect,
  circuitFocus,
}: {
  id: string;
  tab: EditorTab;
  onTab: (tab: EditorTab) => void;
  dispatch: DraftDispatch;
  undo: () => void;
  selectedKey: string | null;
  onSelect: (key: string | null) => void;
  circuitFocus: LintTarget | null;
}) {
  return (
    <Tabs
      selectedKey={tab}
      onSelectionChange={(key) => onTab(key as EditorTab)}
      className="onglets"
    >
      <TabList aria-label="Parties de la démarche" className="liste-onglets">
        <Tab id="form">Formulaire</Tab>
        <Tab id="circuit">Circuit</Tab>
        <Tab id="json">JSON</Tab>
        <Tab id="simulation">Simulation</Tab>
        <Tab id="tests">Cas de test</Tab>
        <Tab id="versions">Versions</Tab>
      </TabList>
      <TabPanel id="form">
        <WithDraft>
          {(definition) => (
            <FormBuilder
              definition={definition}
              dispatch={dispatch}
              undo={undo}
              selectedKey={selectedKey}
              onSelect={onSelect}
            />
          )}
        </WithDraft>
      </TabPanel>
      <TabPanel id="circuit">
        <WithDraft>
          {(definition) => (
            <WorkflowEditor
              definition={definition}
              dispatch={(change) => dispatch(workflowEdit(definition, change))}
              focus={circuitFocus?.tab === 'circuit' ? circuitFocus : null}
            />
          )}
        </WithDraft>
      </TabPanel>
      <TabPanel id="json">
        {/* Monaco keeps its own undo inside the editor (see designer/editing). */}
        <div data-undo="native">
          <WithDraft>
            {(definition) => <JsonEditor definition={definition} dispatch={dispatch} />}
          </WithDraft>
        </div>
      </TabPanel>
      <TabPanel id="simulation">
        <WithDraft>
          {(definition) => <SimulationPanel definition={definition} dispatch={dispatch} />}
        </WithDraft>
      </TabPanel>
      <TabPanel id="tests">
        <WithDraft>
          {(definition) => <TestCasesPanel definition={definition} dispatch={dispatch} />}
        </WithDraft>
      </TabPanel>
      <TabPanel id="versions">
        <WithDraft>{(definition) => <VersionsPanel id={id} definition={definition} />}</WithDraft>
      </TabPanel>
    </Tabs>
  );
});
