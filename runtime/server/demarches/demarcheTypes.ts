import type { Diagnostic } from '../../../shared/analysis/index.ts';
import type {
  DefinitionProblem,
  FormPage,
  JsonSchema,
  StateKind,
  UiSchema,
} from '../../../shared/definition/index.ts';
import type { StoredDefinition } from '../../db/schema/demarches.ts';
import type { DefinitionChange } from './diffDefinitions.ts';

/**
 * What the démarches procedures return. Timestamps are ISO strings: the API has no
 * transformer, so a `Date` would reach the client as a string anyway.
 */

/** Structural problems, lint findings, and whether both allow publishing. */
export interface DefinitionCheck {
  problems: DefinitionProblem[];
  diagnostics: Diagnostic[];
  publishable: boolean;
}

/** `unpublished`: no version yet; `published`: the draft is the latest version; `modified`: it differs. */
export type DraftStatus = 'unpublished' | 'published' | 'modified';

export interface DemarcheSummary {
  id: string;
  slug: string;
  title: string;
  ownerUnitId: string | null;
  draftRevision: number;
  updatedAt: string;
  latestVersion: number | null;
  latestPublishedAt: string | null;
  draftStatus: DraftStatus;
}

export interface VersionSummary {
  version: number;
  publishedAt: string;
  /** The admin who published it; null if that account was removed. */
  publishedBy: string | null;
}

export interface DemarcheDetail {
  id: string;
  slug: string;
  title: string;
  ownerUnitId: string | null;
  draft: StoredDefinition;
  draftRevision: number;
  updatedAt: string;
  /** Newest first. */
  versions: VersionSummary[];
}

export interface SavedDraft extends DefinitionCheck {
  draftRevision: number;
  updatedAt: string;
}

/**
 * What `deleteDraft` did: `demarche` when a never-published démarche was deleted;
 * `draft` when the draft of a published one was put back to its latest version.
 */
export type DeletedDraft =
  | { deleted: 'demarche' }
  | {
      deleted: 'draft';
      /** The published version the draft is now a copy of. */
      version: number;
      draft: StoredDefinition;
      draftRevision: number;
      updatedAt: string;
    };

export interface PublishedVersion extends VersionSummary {
  definition: StoredDefinition;
}

/** A side of a diff: a version number, or the current draft. */
export type DiffSide = number | 'draft';

export interface VersionDiff {
  from: DiffSide;
  to: DiffSide;
  changes: DefinitionChange[];
}

/** A démarche as the public catalogue lists it. */
export interface PublishedDemarcheSummary {
  slug: string;
  title: string;
  description: string | null;
  version: number;
}

/** What a citizen's browser needs to show and fill the form, and nothing of the workflow's internals. */
export interface PublishedDemarche extends PublishedDemarcheSummary {
  tenant: { slug: string; name: string };
  publishedAt: string;
  form: { schema: JsonSchema; uiSchema: UiSchema; pages: FormPage[] | null };
  /** State labels, to show a dossier's progress. */
  states: Array<{ id: string; label: string; kind: StateKind }>;
  /** Computed fields, evaluated in the browser as on the server. */
  computed: Array<{ field: string; expression: unknown }>;
  /** Static choice lists only: table and URL sources are resolved by the server. */
  dataSources: Array<{ id: string; options: Array<{ value: string; label: string }> }>;
  /** Visitors without an account may file a dossier (`access.anonymous`). */
  anonymous: boolean;
}
