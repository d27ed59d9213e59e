import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';
import { markStylesWithNonce } from './markStylesWithNonce.ts';
import { definitionDiagnosticsOptions } from './monacoJsonOptions.ts';

type Monaco = typeof import('./monacoForJson.ts');

let loading: Promise<Monaco> | undefined;

/**
 * Monaco from our own bundle, never a CDN: its workers come from Vite's `?worker`
 * imports (same origin, allowed by `worker-src 'self'`), its messages in French, and the
 * JSON language service set up with the definition's schema. Loaded once, on the first
 * JSON tab.
 *
 * @example
 * const monaco = await loadMonaco();
 */
export function loadMonaco(): Promise<Monaco> {
  loading ??= (async () => {
    markStylesWithNonce();
    self.MonacoEnvironment = {
      getWorker: (_workerId: string, label: string) =>
        label === 'json' ? new JsonWorker() : new EditorWorker(),
    };
    // Sets monaco's message table before its first module reads it.
    await import('monaco-editor/nls/lang/fr');
    const monaco = await import('./monacoForJson.ts');
    monaco.json.jsonDefaults.setDiagnosticsOptions(definitionDiagnosticsOptions());
    return monaco;
  })();
  return loading;
}
