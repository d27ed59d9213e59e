import './jsonEditor.css';
import type { editor as MonacoEditor } from 'monaco-editor/editor/editor.api.js';
import { useEffect, useRef, useState } from 'react';
import type { DemarcheDefinition } from '../../shared/definition/index.ts';
import type { JsonEditorProps } from './jsonEditorProps.ts';
import { changedDefinition, minimalEdit, textOfDefinition } from './jsonText.ts';
import { loadMonaco } from './loadMonaco.ts';
import { DEFINITION_MODEL_FILE } from './monacoJsonOptions.ts';

/** The JSON worker's validation, which monaco's typings leave out. */
interface ValidatingWorker {
  doValidation(uri: string): Promise<Array<{ severity?: number }>>;
}
/** LSP's `DiagnosticSeverity.Error`. */
const ERROR = 1;
/** Typing pauses this long before the text is checked and dispatched. */
const PAUSE_MS = 400;

/**
 * Monaco on the definition, kept in sync both ways: a pause in typing checks the text
 * against the format's schema and dispatches it when valid; a change made elsewhere (the
 * graph, undo) is applied as the smallest edit, so the cursor stays where it was.
 */
export default function MonacoJsonEditor({ definition, dispatch }: JsonEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<MonacoEditor.IStandaloneCodeEditor | null>(null);
  /** The definition the text was last in step with (sent or received). */
  const known = useRef<DemarcheDefinition>(definition);
  const dispatchRef = useRef(dispatch);
  dispatchRef.current = dispatch;
  const [status, setStatus] = useState<{ loaded: boolean; errors: number; failed?: boolean }>({
    loaded: false,
    errors: 0,
  });

  useEffect(() => {
    let disposed = false;
    let cleanup = () => {};
    loadMonaco()
      .then((monaco) => {
        if (disposed || !host.current) return;
        const uri = monaco.Uri.parse(`inmemory://guichet/${DEFINITION_MODEL_FILE}`);
        monaco.editor.getModel(uri)?.dispose();
        const model = monaco.editor.createModel(textOfDefinition(known.current), 'json', uri);
        const editor = monaco.editor.create(host.current, {
          model,
          ariaLabel: 'Définition de la démarche au format JSON',
          automaticLayout: true,
          minimap: { enabled: false },
          scrollBeyondLastLine: false,
          tabSize: 2,
          fixedOverflowWidgets: true,
        });
        editorRef.current = editor;
        let timer: ReturnType<typeof setTimeout> | undefined;
        const check = async () => {
          const version = model.getVersionId();
          const worker = (await (
            await monaco.json.getWorker()
          )(uri)) as unknown as ValidatingWorker;
          const diagnostics = await worker.doValidation(uri.toString());
          if (disposed || model.getVersionId() !== version) return;
          const errors = diagnostics.filter((diagnostic) => diagnostic.severity === ERROR).length;
          setStatus({ loaded: true, errors });
          if (errors > 0) return;
          const next = changedDefinition(model.getValue(), known.current);
          if (!next) return;
          known.current = next;
          dispatchRef.current({ type: 'replaceDefinition', definition: next });
        };
        const typing = model.onDidChangeContent(() => {
          clearTimeout(timer);
          timer = setTimeout(() => void check(), PAUSE_MS);
        });
        setStatus({ loaded: true, errors: 0 });
        cleanup = () => {
          clearTimeout(timer);
          typing.dispose();
          editor.dispose();
          model.dispose();
          editorRef.current = null;
        };
      })
      .catch(() => !disposed && setStatus({ loaded: false, errors: 0, failed: true }));
    return () => {
      disposed = true;
      cleanup();
    };
  }, []);

  useEffect(() => {
    if (definition === known.current) return;
    known.current = definition;
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model) return;
    const edit = minimalEdit(model.getValue(), textOfDefinition(definition));
    if (!edit) return;
    const start = model.getPositionAt(edit.start);
    const end = model.getPositionAt(edit.end);
    editor.executeEdits('guichet-exterieur', [
      {
        range: {
          startLineNumber: start.lineNumber,
          startColumn: start.column,
          endLineNumber: end.lineNumber,
          endColumn: end.column,
        },
        text: edit.text,
      },
    ]);
    editor.pushUndoStop();
  }, [definition]);

  return (
    <div className="onglet-json">
      <p className="etat-json" role="status">
        {status.failed
          ? 'L’éditeur JSON n’a pas pu se charger.'
          : !status.loaded
            ? 'Chargement de l’éditeur JSON…'
            : status.errors === 0
              ? 'Document conforme au format : vos modifications sont prises en compte.'
              : `${status.errors} erreur(s) : la démarche n’est pas mise à jour tant qu’elles restent (survolez les soulignements).`}
      </p>
      <div className="editeur-json" ref={host} />
    </div>
  );
}
