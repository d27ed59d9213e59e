import type { UploadedFile } from './fields/uploadAttachment.ts';

/** What the form's fields share beyond their own value (RJSF's `formContext`). */
export interface GuichetFormContext {
  /** The dossier files are uploaded to; null in the studio's preview (nothing is sent). */
  dossierId: string | null;
  /** Files already attached, by id, to show their names and scan status. */
  files: Readonly<Record<string, UploadedFile>>;
  /** Called after an upload so the name shows without reloading the dossier. */
  rememberFile(file: UploadedFile): void;
  /**
   * The studio's preview, where nothing is sent: a file that passes the field's checks is
   * kept in the page under a made-up id, so the admin sees the field behave (names, count,
   * removal). Absent everywhere else.
   */
  keepInPreview?: ((file: File) => UploadedFile) | undefined;
  /**
   * The signed-in citizen's document safe: file fields offer its documents beside the
   * upload. Absent for visitors without an account and in the studio's preview.
   */
  safe?: SafeChooser | undefined;
  /**
   * Searches the form's table and URL sources through the API (`dataSources.search`);
   * absent in the studio's preview, where the combobox offers nothing.
   */
  sources?: SourceSearch;
}

/** Documents of « Mes documents » a file field may attach instead of an upload. */
export interface SafeChooser {
  documents: ReadonlyArray<{ id: string; label: string; fileName: string }>;
  /** Attaches a copy to the field at `field` (its path); rejects with a French message. */
  attach(documentId: string, field: string): Promise<UploadedFile>;
}

/** An entry of a data source: the code stored, the label shown. */
export interface SourceEntry {
  value: string;
  label: string;
}

export interface SourceSearch {
  search(source: string, query: string): Promise<{ entries: SourceEntry[]; more: boolean }>;
  /** The label of a saved code, or null when the source no longer has it. */
  labelOf(source: string, value: string): Promise<string | null>;
}
