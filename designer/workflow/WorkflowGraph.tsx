import {
  applyEdgeChanges,
  applyNodeChanges,
  Background,
  Controls,
  type EdgeChange,
  type EdgeSelectionChange,
  type NodeChange,
  type NodeSelectionChange,
  ReactFlow,
  type Viewport,
} from '@xyflow/react';
import { useEffect, useState } from 'react';
import type { DemarcheDefinition, NodePosition } from '../../shared/definition/index.ts';
import { deletionChanges, settledPositions, transitionOfConnection } from './flowEdits.ts';
import { flowOfWorkflow, type StateNode, type TransitionEdge } from './flowOfWorkflow.ts';
import { FRENCH_ARIA_LABELS } from './frenchAriaLabels.ts';
import { StateNodeView } from './StateNodeView.tsx';
import type { Selection } from './selection.ts';
import type { WorkflowChange } from './workflowChanges.ts';

const NODE_TYPES = { state: StateNodeView };

export interface WorkflowGraphProps {
  definition: DemarcheDefinition;
  dispatch: (change: WorkflowChange) => void;
  /** Where the automatic layout puts states without a saved position. */
  placed: Readonly<Record<string, NodePosition>>;
  selection: Selection | null;
  onSelect: (selection: Selection | null) => void;
}

/**
 * The workflow drawn with xyflow: drag a state to move it (saved when dropped), drag from
 * a state's right handle to another to create a transition, Suppr to delete. Nodes and
 * edges are focusable with Tab and announced in French.
 */
export function WorkflowGraph({
  definition,
  dispatch,
  placed,
  selection,
  onSelect,
}: WorkflowGraphProps) {
  const workflow = definition.workflow;
  const [nodes, setNodes] = useState<StateNode[]>([]);
  const [edges, setEdges] = useState<TransitionEdge[]>([]);

  // The definition is the truth; xyflow's own state only carries a drag in progress.
  useEffect(() => {
    const flow = flowOfWorkflow(workflow, placed);
    // A node keeps what xyflow measured of it: without it xyflow forgets where its handles
    // are, every edge is dropped until the node is measured again, then mounted anew (and
    // each label's text measured again: 150 forced layouts on « Réorganiser »).
    setNodes((current) => {
      const measured = new Map(
        current.flatMap((node) => (node.measured ? [[node.id, node.measured] as const] : [])),
      );
      return flow.nodes.map((node) => {
        const size = measured.get(node.id);
        return {
          ...node,
          ...(size ? { measured: size } : {}),
          selected: selection?.kind === 'state' && selection.id === node.id,
          deletable: node.id !== workflow.initialState,
        };
      });
    });
    setEdges(
      flow.edges.map((edge) => ({
        ...edge,
        selected: selection?.kind === 'transition' && selection.id === edge.data?.transition.id,
      })),
    );
  }, [workflow, placed, selection]);

  function onNodesChange(changes: NodeChange<StateNode>[]) {
    setNodes((current) => applyNodeChanges(changes, current));
    // A click, or Entrée on a focused state: its properties open.
    const picked = changes.find(
      (change): change is NodeSelectionChange => change.type === 'select' && change.selected,
    );
    if (picked) onSelect({ kind: 'state', id: picked.id });
    const positions = settledPositions(changes);
    if (Object.keys(positions).length > 0) dispatch({ type: 'moveStates', positions });
  }

  function onEdgesChange(changes: EdgeChange<TransitionEdge>[]) {
    setEdges((current) => applyEdgeChanges(changes, current));
    const picked = changes.find(
      (change): change is EdgeSelectionChange => change.type === 'select' && change.selected,
    );
    const transition = picked && edges.find((edge) => edge.id === picked.id)?.data?.transition;
    if (transition) onSelect({ kind: 'transition', id: transition.id });
  }

  return (
    <div className="graphe">
      <ReactFlow<StateNode, TransitionEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={(connection) => {
          const change = transitionOfConnection(workflow, connection);
          if (!change) return;
          dispatch(change);
          onSelect({ kind: 'transition', id: change.transition.id });
        }}
        onDelete={({ nodes: deletedNodes, edges: deletedEdges }) => {
          const changes = deletionChanges(workflow, {
            stateIds: deletedNodes.map((node) => node.id),
            edges: deletedEdges.flatMap((edge) =>
              edge.data ? [{ transitionId: edge.data.transition.id, source: edge.source }] : [],
            ),
          });
          for (const change of changes) dispatch(change);
          onSelect(null);
        }}
        onNodeClick={(_event, node) => onSelect({ kind: 'state', id: node.id })}
        onEdgeClick={(_event, edge) =>
          edge.data && onSelect({ kind: 'transition', id: edge.data.transition.id })
        }
        onPaneClick={() => onSelect(null)}
        onMoveEnd={(event, viewport: Viewport) => {
          // Only a pan or zoom by the admin is saved, not the first fit.
          if (event) dispatch({ type: 'setViewport', viewport });
        }}
        {...(workflow.layout?.viewport
          ? { defaultViewport: workflow.layout.viewport }
          : {
              fitView: true,
              // Once more after the first paint: the grid column may still be settling.
              onInit: (flow: { fitView: () => Promise<boolean> }) =>
                requestAnimationFrame(() => void flow.fitView()),
            })}
        // A whole démarche fits a narrow column (xyflow's default stops at 0.5).
        minZoom={0.2}
        deleteKeyCode={['Delete', 'Backspace']}
        nodesFocusable
        edgesFocusable
        ariaLabelConfig={FRENCH_ARIA_LABELS}
        proOptions={{ hideAttribution: true }}
        aria-label="Graphe du circuit de traitement"
      >
        <Background />
        <Controls />
      </ReactFlow>
    </div>
  );
}
