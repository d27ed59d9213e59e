import { useReducer, useState } from 'react';
import { AppShell } from '../../../runtime/web/shell/AppShell.tsx';
import type { DemarcheDefinition } from '../../../shared/definition/index.ts';
import { socialAidDefinition } from '../../../shared/testing/socialAidDefinition.ts';
import { JsonEditor } from '../../json/index.ts';
import { applyWorkflowChange, WorkflowEditor } from '../../workflow/index.ts';

/**
 * Both editors on one definition through one reducer, as the studio shell mounts them:
 * the « Circuit » and « JSON » tabs stay in step because they share the state.
 */
export function EditorsPreview() {
  const [definition, dispatch] = useReducer(
    applyWorkflowChange,
    socialAidDefinition as DemarcheDefinition,
  );
  const [tab, setTab] = useState<'circuit' | 'json'>('circuit');
  return (
    <AppShell brand="Guichet" tagline="Studio des démarches" title={definition.meta.title}>
      <nav aria-label="Onglets de la démarche">
        <button type="button" aria-pressed={tab === 'circuit'} onClick={() => setTab('circuit')}>
          Circuit
        </button>
        <button type="button" aria-pressed={tab === 'json'} onClick={() => setTab('json')}>
          JSON
        </button>
      </nav>
      {tab === 'circuit' ? (
        <WorkflowEditor definition={definition} dispatch={dispatch} />
      ) : (
        <JsonEditor definition={definition} dispatch={dispatch} />
      )}
    </AppShell>
  );
}
