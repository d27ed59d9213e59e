import { Handle, type NodeProps, Position } from '@xyflow/react';
import type { StateNode } from './flowOfWorkflow.ts';
import { describeKind } from './workflowLabels.ts';

/**
 * How a state is drawn: its label, its nature (and outcome), a mark on the initial state.
 * Drag from the right handle to another state to create a transition.
 */
export function StateNodeView({ data, selected }: NodeProps<StateNode>) {
  const { state, initial } = data;
  const classes = [
    'etat',
    `etat-${state.kind}`,
    state.outcome ? `issue-${state.outcome}` : '',
    selected ? 'selectionne' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={classes}>
      <Handle type="target" position={Position.Left} />
      <p className="etat-libelle">{state.label}</p>
      <p className="etat-nature">
        {describeKind(state.kind, state.outcome)}
        {initial && ' · initial'}
      </p>
      <Handle type="source" position={Position.Right} />
    </div>
  );
}
