import type { DemarcheDefinition } from '../../shared/definition/index.ts';

/** What the studio shell gives the JSON tab. */
export interface JsonEditorProps {
  definition: DemarcheDefinition;
  /** Receives the whole document each time a valid edit settles. */
  dispatch: (change: { type: 'replaceDefinition'; definition: DemarcheDefinition }) => void;
}
