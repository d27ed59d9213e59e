import '@xyflow/react/dist/style.css';
import './workflowEditor.css';
import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useMemo, useState } from 'react';
import type { NodePosition } from '../../shared/definition/index.ts';
import { formFieldsOf } from './conditions/formFieldsOf.ts';
import { placeMissing } from './elkGraph.ts';
import { NODE_SIZE } from './flowOfWorkflow.ts';
import { freshId } from './freshId.ts';
import { layoutInWorker, warmLayoutWorker } from './layoutInWorker.ts';
import { StateProperties } from './panel/StateProperties.tsx';
import { TransitionProperties } from './panel/TransitionProperties.tsx';
import type { Selection } from './selection.ts';
import { transitionsGoneWith } from './transitionsGoneWith.ts';
import { WorkflowGraph } from './WorkflowGraph.tsx';
import { WorkflowList } from './WorkflowList.tsx';
import type { WorkflowEditorProps } from './workflowEditorProps.ts';

/**
 * The « Circuit » tab of the studio: the workflow as a graph (or as tables), a toolbar to
 * add a state and lay the graph out, and the properties of what is selected. A controlled
 * component: every edit goes out through `dispatch` as a `WorkflowChange`.
 *
 * Loaded lazily through `WorkflowEditor` (it brings xyflow and ELK).
 */
export default function WorkflowDesigner({ definition, dispatch, focus }: WorkflowEditorProps) {
  const workflow = definition.workflow;
  const [selection, setSelectionState] = useState<Selection | null>(null);
  // The same selection keeps its identity: the graph re-renders only on a real change.
  const setSelection = (next: Selection | null) =>
    setSelectionState((current) =>
      current?.kind === next?.kind && current?.id === next?.id ? current : next,
    );
  // A problem opened from the checks panel selects what it points at.
  useEffect(() => {
    if (focus?.transition) setSelectionState({ kind: 'transition', id: focus.transition });
    else if (focus?.state) setSelectionState({ kind: 'state', id: focus.state });
  }, [focus]);
  const [view, setView] = useState<'graphe' | 'liste'>('graphe');
  const [placed, setPlaced] = useState<{ for: string; positions: Record<string, NodePosition> }>({
    for: '',
    positions: {},
  });
  const [announcement, setAnnouncement] = useState('');
  // The form's fields only: a moved state or a renamed transition does not list them again.
  const form = definition.form;
  const fields = useMemo(() => formFieldsOf({ form }), [form]);
  useEffect(warmLayoutWorker, []);

  // States with no saved position (a new démarche, a JSON edit) are laid out by ELK once;
  // the graph waits for it, so its first « fit view » frames the laid-out states.
  const unplaced = workflow.states
    .map((state) => state.id)
    .filter((id) => !workflow.layout?.positions[id])
    .join(' ');
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs again only when the set of unplaced states changes
  useEffect(() => {
    if (unplaced === '') return;
    let current = true;
    layoutInWorker(workflow)
      .then(
        (positions) =>
          current && setPlaced({ for: unplaced, positions: placeMissing(workflow, positions) }),
      )
      .catch(() => current && setAnnouncement('La disposition automatique a échoué.'));
    return () => {
      current = false;
    };
  }, [unplaced]);

  function addState() {
    const id = freshId(
      'Nouvel état',
      workflow.states.map((state) => state.id),
    );
    const positions = Object.values({ ...placed.positions, ...workflow.layout?.positions });
    const right =
      positions.length === 0 ? 0 : Math.max(...positions.map((p) => p.x)) + NODE_SIZE.width + 60;
    dispatch({
      type: 'addState',
      state: { id, label: 'Nouvel état', kind: 'active' },
      position: { x: right, y: 0 },
    });
    setSelection({ kind: 'state', id });
    setAnnouncement('État « Nouvel état » ajouté ; ses propriétés sont affichées.');
  }

  function relayout() {
    layoutInWorker(workflow)
      .then((positions) => {
        dispatch({ type: 'moveStates', positions });
        setAnnouncement('Le circuit a été réorganisé.');
      })
      .catch(() => setAnnouncement('La disposition automatique a échoué.'));
  }

  const selectedState =
    selection?.kind === 'state' ? workflow.states.find((s) => s.id === selection.id) : undefined;
  const selectedTransition =
    selection?.kind === 'transition'
      ? workflow.transitions.find((t) => t.id === selection.id)
      : undefined;
  const onDeleted = (message: string) => {
    setSelection(null);
    setAnnouncement(message);
  };

  return (
    <div className="editeur-circuit">
      <div className="barre-outils" role="toolbar" aria-label="Outils du circuit">
        <button type="button" onClick={addState}>
          Ajouter un état
        </button>
        <button type="button" onClick={relayout}>
          Réorganiser automatiquement
        </button>
        <button
          type="button"
          aria-pressed={view === 'liste'}
          onClick={() => setView(view === 'liste' ? 'graphe' : 'liste')}
        >
          Vue en liste
        </button>
      </div>
      <p className="annonce" role="status">
        {announcement}
      </p>
      <div className="circuit-corps">
        {view === 'graphe' && unplaced !== '' && placed.for !== unplaced ? (
          <p className="graphe">Disposition du circuit…</p>
        ) : view === 'graphe' ? (
          <ReactFlowProvider>
            <WorkflowGraph
              definition={definition}
              dispatch={dispatch}
              placed={placed.positions}
              selection={selection}
              onSelect={setSelection}
            />
          </ReactFlowProvider>
        ) : (
          <WorkflowList
            definition={definition}
            dispatch={dispatch}
            selection={selection}
            onSelect={setSelection}
          />
        )}
        <div className="panneau">
          {selectedState && (
            <StateProperties
              key={selectedState.id}
              state={selectedState}
              initial={selectedState.id === workflow.initialState}
              involved={transitionsGoneWith(workflow, selectedState.id)}
              dispatch={dispatch}
              onDeleted={onDeleted}
            />
          )}
          {selectedTransition && (
            <TransitionProperties
              key={selectedTransition.id}
              transition={selectedTransition}
              definition={definition}
              fields={fields}
              dispatch={dispatch}
              onDeleted={onDeleted}
            />
          )}
          {!selectedState && !selectedTransition && (
            <p className="panneau-vide">
              Sélectionnez un état ou une transition (clic, ou Tab puis Entrée) pour voir ses
              propriétés.
            </p>
          )}
        </div>
      </div>
    </div>
  );
}
