/**
 * The démarche definition format, version 2.
 *
 * A definition is plain JSON: the citizen form (JSON Schema draft 2020-12 + UI schema),
 * the workflow state machine, routing rules and templates. Its own JSON Schema lives in
 * `definitionSchema.ts`; `validateDefinition` checks a document against it.
 *
 * Shapes for behaviour that later work adds (timers, global transitions, computed values,
 * data sources, page conditions, test cases) are declared now so adding the behaviour
 * needs no breaking change.
 */

/** Current version of the definition format; `migrateDefinition` brings older ones here. */
export const DEFINITION_FORMAT_VERSION = 2;

/**
 * Room for tools: any property whose name starts with `x-` (the root, `form`, pages,
 * sections, `workflow`, states, transitions) is kept as is and never read by Guichet, so
 * the studio or an import script can store its own data without a format change. Per
 * field, the same goes for the field's entry in the RJSF `uiSchema`.
 */
export type Extensions = { [extension: `x-${string}`]: unknown };

/** A JSON Schema (draft 2020-12) document. Kept loose on purpose: ajv is its checker. */
/** A file field's options (`x-file` on a form property); see shared/definition/README.md. */
export type { FileFieldOptions } from '../form/fileFields.ts';

export type JsonSchema = { [keyword: string]: unknown } | boolean;

/** RJSF UI schema: `ui:widget`, `ui:order`, `ui:help`, ... keyed by field. */
export type UiSchema = { [key: string]: unknown };

/** ISO 8601 duration, e.g. `P15D`, `PT48H`, `P1M`. */
export type IsoDuration = string;

/**
 * Who may do something. `applicant` is the citizen who owns the dossier (a relation,
 * not only a tenant role); `system` is the runtime itself (timers).
 */
export type Role = 'applicant' | 'agent' | 'supervisor' | 'admin' | 'system';

export const ROLES: readonly Role[] = ['applicant', 'agent', 'supervisor', 'admin', 'system'];

export interface DemarcheDefinition extends Extensions {
  /** Format version, not the démarche's published version number. */
  version: typeof DEFINITION_FORMAT_VERSION;
  meta: DemarcheMeta;
  form: FormDefinition;
  workflow: WorkflowDefinition;
  /** Ordered: the first rule whose condition holds assigns the new dossier's unit. */
  routing: RoutingRule[];
  notifications: NotificationTemplate[];
  letters: LetterTemplate[];
  /** Choice lists the form refers to instead of inline enums. */
  dataSources?: DataSource[];
  /** Fields whose value is an expression over other fields (json-logic). */
  computed?: ComputedField[];
  /** Sample data + actions + expected outcomes, run by the simulator and before publish. */
  tests?: TestCase[];
  /** Who may file a dossier; absent: citizens with an account only. */
  access?: DemarcheAccess;
}

/**
 * Who may file a dossier. An optional addition to format 2: a stored definition without
 * it means what it always meant (accounts only), so no version bump or migration step.
 */
export interface DemarcheAccess {
  /** A visitor without an account may file, then follow the dossier with a tracking code. */
  anonymous?: boolean;
  /** Staff may open and file a dossier from the back office; absent: they may not. */
  staff?: StaffFiling;
}

/**
 * Dossiers opened by staff (« au guichet »): the roles allowed, and whose dossier it is —
 * `person`: someone who came to the counter or phoned (their account when they have one,
 * otherwise a name and an optional address), `self`: the agent's own (an internal note).
 */
export interface StaffFiling {
  roles: Array<'agent' | 'supervisor' | 'admin'>;
  applicant: 'person' | 'self';
}

export interface DemarcheMeta {
  slug: string;
  title: string;
  description?: string;
  /** Prefix of human references: `APA` gives `APA-2026-000123`. Upper-case letters. */
  referencePrefix: string;
  /** How long a closed dossier is kept before purge. */
  retention?: IsoDuration;
  /** Unit code that owns the démarche (its admins and default queue). */
  ownerUnit?: string;
}

export interface FormDefinition extends Extensions {
  /** A JSON Schema draft 2020-12 object schema; its top-level properties are the fields. */
  schema: JsonSchema;
  /** Field order (`ui:order`), widgets, help texts: RJSF's own vocabulary. */
  uiSchema?: UiSchema;
  /** Steps of the citizen form. Absent: one page with every field. */
  pages?: FormPage[];
  /**
   * Titled groups of fields inside a page (« Votre foyer », « Vos ressources »): a hint
   * for the form builder and the renderer, which neither RJSF's `ui:order` (order only)
   * nor pages (steps) express. Order still comes from the page or `ui:order`.
   */
  sections?: FormSection[];
  /**
   * Cross-field checks with the admin's own message (« La date de fin doit suivre la date
   * de début »), run on every submission by the browser and the server alike; on a draft
   * save they come back as warnings only, so a draft always saves.
   */
  rules?: FormRule[];
}

/**
 * A check over several fields: when `when` holds (or always), `assert` must not be
 * false, else `message` is shown beside `field`. An `assert` that gives `null` (a field
 * it reads is empty) passes: an empty field is `required`'s business.
 */
export interface FormRule {
  id: string;
  /** Top-level property name the message is shown beside. */
  field: string;
  /** A json-logic expression; absent: the rule always applies. */
  when?: unknown;
  /** A json-logic expression over the data (computed values included) and `today`. */
  assert: unknown;
  /** What the citizen reads, in French. */
  message: string;
}

/** A transition's check: a form rule whose expressions may also read `input.…`. */
export type TransitionRule = FormRule;

export interface FormSection extends Extensions {
  id: string;
  title: string;
  description?: string;
  /** Top-level property names grouped under this title; a field is in one section at most. */
  fields: string[];
}

export interface FormPage extends Extensions {
  id: string;
  title: string;
  /** Top-level property names shown on this page, in order. */
  fields: string[];
  /**
   * The page is shown only when the data matches this schema (pages are decided in order;
   * a condition does not see the answers of pages hidden above it). The fields of a hidden
   * page are not required, and their answers are dropped at submission.
   */
  condition?: JsonSchema;
  /**
   * Checks the data must pass before leaving this page (beyond field validation): run by
   * `dossiers.checkPage` and again at submission while the page is shown.
   */
  checks?: JsonSchema;
}

/**
 * A list of choices a form field names with `x-source: "<id>"` (see README « Data
 * sources »). The stored value is always the chosen entry's code (`value`), checked by the
 * server against the source on every save and submission.
 */
export interface DataSource {
  id: string;
  kind: 'static' | 'table' | 'url';
  /** For `static`: shown as a select or radios, like an inline enum. */
  options?: Array<{ value: string; label: string }>;
  /**
   * For `table`: the code of a tenant reference table an admin imported from CSV
   * (communes, streets, schools, sectors); searched as the citizen types.
   */
  table?: string;
  /** For `url`: an https address fetched by the server only, never by the browser. */
  url?: string;
  /** For `url`: dotted path to the list in the JSON answer; absent: the answer is the list. */
  itemsPath?: string;
  /** For `url`: dotted path to an entry's code in each item (`code`, `properties.id`). */
  valuePath?: string;
  /** For `url`: dotted path to an entry's label in each item (`nom`). */
  labelPath?: string;
  /** For `url`: how long the server keeps the answer, in seconds (default 3600). */
  cacheSeconds?: number;
}

export interface ComputedField {
  /** Top-level property name receiving the value. */
  field: string;
  /** A json-logic expression over the form data. */
  expression: unknown;
}

export interface WorkflowDefinition extends Extensions {
  /** The state a new dossier starts in (kind `draft`). */
  initialState: string;
  states: StateDefinition[];
  transitions: TransitionDefinition[];
  /** Where the studio draws the graph. No effect on how dossiers move. */
  layout?: WorkflowLayout;
}

/**
 * The studio's drawing of the workflow, shaped as @xyflow/react v12 reads it: a node's
 * `position` and the flow's `Viewport`, so the designer passes them through unchanged.
 * Absent positions are laid out automatically; an absent viewport means « fit view ».
 */
export interface WorkflowLayout {
  /** Top-left corner of each state's node, in flow coordinates, keyed by state id. */
  positions: { [stateId: string]: NodePosition };
  viewport?: Viewport;
}

/** xyflow's `XYPosition`. */
export interface NodePosition {
  x: number;
  y: number;
}

/** xyflow's `Viewport`: the flow's pan (`x`, `y`, in pixels) and `zoom` (> 0). */
export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

export type StateKind = 'draft' | 'active' | 'final';
export type Outcome = 'accepted' | 'rejected' | 'withdrawn' | 'closed';

export interface StateDefinition extends Extensions {
  id: string;
  label: string;
  kind: StateKind;
  /** Required when `kind` is `final`. */
  outcome?: Outcome;
  /** Who is expected to act: shown in queues, used for tasks. */
  owner?: { role?: Role; unit?: string };
  /** Time allowed in this state; the dossier's due date is entry time + sla. */
  sla?: IsoDuration;
  /**
   * With `sla`: count it from this milestone instead of the entry into the state, so a
   * legal deadline (two months from « dossier complet ») stays the same through the
   * states the dossier crosses meanwhile. Before the milestone is recorded: from entry.
   */
  slaSince?: string;
  /** Which form fields may be edited in this state, and by whom. */
  editable?: EditableRule[];
}

export interface EditableRule {
  /** Top-level property names, or `*` for every field. */
  fields: string[] | '*';
  by: Role[];
}

export interface TransitionDefinition extends Extensions {
  id: string;
  label: string;
  /** Source states; `*` makes it global: allowed from every `active` state. */
  from: string[] | '*';
  to: string;
  /** Roles that may fire it. `system` alone means only timers fire it. */
  by: Role[];
  /** JSON Schema the dossier data must match (or the `guardOn: 'context'` object). */
  guard?: JsonSchema;
  /**
   * What the guard checks. `data` (absent): the dossier data, as in every v2 document.
   * `context`: `{ data, input, dossier: { state, createdAt, enteredStateAt, submittedAt,
   * unit } }`, so a guard can require the actor's input or a field an earlier transition
   * wrote. Failures are then keyed by the field under `data` or `input`.
   */
  guardOn?: 'data' | 'context';
  /** The admin's French message shown when the guard fails, instead of the generic one. */
  guardMessage?: string;
  /**
   * Checks in the expression language, each with the admin's message shown beside its
   * `field` (an input field of this transition, or a form field): what a JSON Schema
   * guard cannot say, such as « the amount granted is at most the amount requested »
   * (`{ "<=": [{ "var": "input.montant" }, { "var": "montantDemande" }] }`). They read the
   * data with its computed values, `today` and the input; checked when the action fires.
   */
  rules?: TransitionRule[];
  /** Fires by itself after this long in the source state (actor `system`). */
  after?: IsoDuration;
  /**
   * With `after`: count the delay from this milestone instead of the entry into the
   * current state, whichever source state the dossier sits in since.
   */
  since?: string;
  /** Records this instant under this name on the dossier when the transition fires. */
  milestone?: string;
  /** Copies input fields into the dossier data, in the transition's own change. */
  writes?: DataWrite[];
  /** Validate the whole citizen form before firing (e.g. `submit`). */
  validateForm?: boolean;
  /** Form the actor fills when firing (e.g. the reason of a refusal). */
  input?: { schema: JsonSchema; uiSchema?: UiSchema };
  effects?: Effect[];
}

/** One input field copied into a top-level form field when the transition fires. */
export interface DataWrite {
  /** Top-level property of the form schema receiving the value. */
  field: string;
  /** Top-level property of the transition's input schema giving it. */
  fromInput: string;
}

/** Who receives a notification. */
export type Recipient =
  | { kind: 'applicant' }
  | { kind: 'assignee' }
  | { kind: 'unit' }
  | { kind: 'email'; address: string }
  /** The address typed in this top-level form field (`format: email`), checked at send. */
  | { kind: 'field'; field: string };

/**
 * An effect runs when its transition fires and, if it has a `when` (a json-logic
 * expression over the data, computed values, `today` and the transition's input as
 * `input.…`), only when that holds.
 */
export type Effect = EffectAction & { when?: unknown };

export type EffectAction =
  | { type: 'notify'; template: string; to: Recipient }
  | { type: 'webhook'; url: string; event?: string }
  | { type: 'letter'; template: string }
  /**
   * Assign to a unit (by code, or the code the actor typed in input field `unitFromInput`),
   * or to the acting agent, or clear the assignee.
   */
  | { type: 'assign'; unit?: string; unitFromInput?: string; agent?: 'actor' | 'none' }
  /** Re-run the routing rules on the current data. */
  | { type: 'route' }
  | { type: 'setDueDate'; in: IsoDuration }
  | { type: 'setPriority'; priority: Priority };

export type Priority = 'low' | 'normal' | 'high' | 'urgent';

export interface RoutingRule {
  id: string;
  /** Absent: always matches (a default rule). */
  when?: JsonSchema;
  /** Unit code. */
  unit: string;
}

export interface NotificationTemplate {
  id: string;
  channel: 'email';
  /** liquid templates; placeholders: `{{ dossier.reference }}`, `{{ data.field }}`, `{{ input.field }}`. */
  subject: string;
  body: string;
}

export interface LetterTemplate {
  id: string;
  title: string;
  /** liquid template of the letter body. */
  body: string;
}

export interface TestCase {
  id: string;
  name: string;
  data: Record<string, unknown>;
  steps: TestStep[];
}

export interface TestStep {
  transition: string;
  actor: Role;
  input?: Record<string, unknown>;
  expect: { state: string; effects?: Array<Effect['type']> };
}
