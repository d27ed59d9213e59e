/**
 * The studio's JSON tab: what the studio shell may import from `designer/json`. The
 * component loads monaco lazily; nothing here pulls monaco into a bundle by itself.
 */
export { JsonEditor } from './JsonEditor.tsx';
export type { JsonEditorProps } from './jsonEditorProps.ts';
