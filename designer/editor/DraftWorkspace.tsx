import { useCallback, useMemo, useState } from 'react';
import type { DemarcheDefinition } from '../../shared/definition/index.ts';
import {
  useAutosave,
  useDraftEditor,
  useSettledValue,
  useUndoShortcuts,
  useUnsavedWarning,
} from '../editing/index.ts';
import { LintPanel } from '../lint/LintPanel.tsx';
import type { EditorTab, LintTarget } from '../lint/lintTarget.ts';
import { studioLint } from '../lint/studioLint.ts';
import { StudioPage } from '../studio/StudioPage.tsx';
import { ConflictBanner } from './ConflictBanner.tsx';
import { DraftContext, EditorTabs } from './EditorTabs.tsx';
import { focusAfterRender } from './focusAfterRender.ts';
import { PublishButton } from './PublishButton.tsx';
import { SaveStatusLine } from './SaveStatusLine.tsx';

/**
 * One démarche being edited: the draft in the editing core (undo/redo, autosave on its
 * revision), the tabs (form, circuit, JSON, simulation, test cases, versions), the live checks beside them, and publishing.
 */
export function DraftWorkspace({
  id,
  initial,
  revision,
  onClose,
}: {
  id: string;
  initial: DemarcheDefinition;
  revision: number;
  onClose: () => void;
}) {
  const editor = useDraftEditor(initial);
  const autosave = useAutosave({ id, definition: editor.definition, revision });
  useUndoShortcuts(editor.undo, editor.redo);
  useUnsavedWarning(autosave.status.kind !== 'saved');
  const [tab, setTab] = useState<EditorTab>('form');
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const [circuitFocus, setCircuitFocus] = useState<LintTarget | null>(null);
  // Lint runs once typing pauses, not at each keystroke: at 900 fields it is a render of
  // its own (the panel included), which would delay the preview.
  const linted = useSettledValue(editor.definition);
  const problems = autosave.lastCheck?.problems;
  const lint = useMemo(() => studioLint(linted, problems ?? []), [linted, problems]);

  /** Leaving for the list saves first; what cannot be saved is not dropped without asking. */
  async function close() {
    const saved = await autosave.saveNow();
    const leave =
      saved !== null ||
      window.confirm(
        'Des modifications ne sont pas enregistrées et seront perdues. Quitter quand même ?',
      );
    if (leave) onClose();
  }

  // Stable, so the checks panel (memoised) re-renders only when its findings change.
  const open = useCallback((target: LintTarget) => {
    setTab(target.tab);
    if (target.tab === 'form') {
      if (target.field) setSelectedKey(`champ:${target.field}`);
      else if (target.section) setSelectedKey(`section:${target.section}`);
      // The input at fault (the prefix for a prefix problem), else the section's first one.
      if (target.field || target.section) focusAfterRender('.proprietes input');
      else if (target.meta) {
        focusAfterRender(
          `.informations [data-meta="${CSS.escape(target.meta)}"]`,
          '.informations input',
        );
      } else focusAfterRender('.informations input');
    }
    if (target.tab === 'circuit') setCircuitFocus(target);
  }, []);

  return (
    <StudioPage title={`Démarche : ${editor.definition.meta?.title ?? ''}`}>
      <div className="barre-outils">
        <button type="button" className="bouton-secondaire" onClick={() => void close()}>
          Retour à la liste
        </button>
        <button
          type="button"
          onClick={editor.undo}
          disabled={!editor.canUndo}
          aria-keyshortcuts="Control+Z"
        >
          Annuler
        </button>
        <button
          type="button"
          onClick={editor.redo}
          disabled={!editor.canRedo}
          aria-keyshortcuts="Control+Shift+Z"
        >
          Rétablir
        </button>
        <SaveStatusLine status={autosave.status} onRetry={() => void autosave.saveNow()} />
        <PublishButton id={id} lint={lint} saveNow={autosave.saveNow} />
      </div>
      {autosave.status.kind === 'conflict' ? (
        <ConflictBanner
          id={id}
          message={autosave.status.message}
          definition={editor.definition}
          onOverwrite={autosave.overwrite}
          onReload={(draft, at) => {
            editor.load(draft);
            autosave.markSaved(draft, at);
          }}
        />
      ) : null}
      <div className="espace-travail">
        <DraftContext.Provider value={editor.definition}>
          <EditorTabs
            id={id}
            tab={tab}
            onTab={setTab}
            dispatch={editor.dispatch}
            undo={editor.undo}
            selectedKey={selectedKey}
            onSelect={setSelectedKey}
            circuitFocus={circuitFocus}
          />
        </DraftContext.Provider>
        <LintPanel items={lint} definition={linted} onOpen={open} />
      </div>
    </StudioPage>
  );
}
