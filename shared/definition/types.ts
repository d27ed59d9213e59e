/**
 * The démarche definition format, version 1.
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
export const DEFINITION_FORMAT_VERSION = 1;

/** A JSON Schema (draft 2020-12) document. Kept loose on purpose: ajv is its checker. */
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

export interface DemarcheDefinition {
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

export interface FormDefinition {
  /** A JSON Schema draft 2020-12 object schema; its top-level properties are the fields. */
  schema: JsonSchema;
  uiSchema?: UiSchema;
  /** Steps of the citizen form. Absent: one page with every field. */
  pages?: FormPage[];
}

export interface FormPage {
  id: string;
  title: string;
  /** Top-level property names shown on this page, in order. */
  fields: string[];
  /** The page is shown only when the data matches this schema. */
  condition?: JsonSchema;
  /** Checks the data must pass before leaving this page (beyond field validation). */
  checks?: JsonSchema;
}

export interface DataSource {
  id: string;
  kind: 'static' | 'table' | 'url';
  /** For `static`. */
  options?: Array<{ value: string; label: string }>;
  /** For `table`: a tenant reference table (communes, units, sectors). */
  table?: string;
  /** For `url`: fetched by the server, never by the browser. */
  url?: string;
}

export interface ComputedField {
  /** Top-level property name receiving the value. */
  field: string;
  /** A json-logic expression over the form data. */
  expression: unknown;
}

export interface WorkflowDefinition {
  /** The state a new dossier starts in (kind `draft`). */
  initialState: string;
  states: StateDefinition[];
  transitions: TransitionDefinition[];
}

export type StateKind = 'draft' | 'active' | 'final';
export type Outcome = 'accepted' | 'rejected' | 'withdrawn' | 'closed';

export interface StateDefinition {
  id: string;
  label: string;
  kind: StateKind;
  /** Required when `kind` is `final`. */
  outcome?: Outcome;
  /** Who is expected to act: shown in queues, used for tasks. */
  owner?: { role?: Role; unit?: string };
  /** Time allowed in this state; the dossier's due date is entry time + sla. */
  sla?: IsoDuration;
  /** Which form fields may be edited in this state, and by whom. */
  editable?: EditableRule[];
}

export interface EditableRule {
  /** Top-level property names, or `*` for every field. */
  fields: string[] | '*';
  by: Role[];
}

export interface TransitionDefinition {
  id: string;
  label: string;
  /** Source states; `*` makes it global: allowed from every `active` state. */
  from: string[] | '*';
  to: string;
  /** Roles that may fire it. `system` alone means only timers fire it. */
  by: Role[];
  /** JSON Schema the dossier data must match. */
  guard?: JsonSchema;
  /** Fires by itself after this long in the source state (actor `system`). */
  after?: IsoDuration;
  /** Validate the whole citizen form before firing (e.g. `submit`). */
  validateForm?: boolean;
  /** Form the actor fills when firing (e.g. the reason of a refusal). */
  input?: { schema: JsonSchema; uiSchema?: UiSchema };
  effects?: Effect[];
}

/** Who receives a notification. */
export type Recipient =
  | { kind: 'applicant' }
  | { kind: 'assignee' }
  | { kind: 'unit' }
  | { kind: 'email'; address: string };

export type Effect =
  | { type: 'notify'; template: string; to: Recipient }
  | { type: 'webhook'; url: string; event?: string }
  | { type: 'letter'; template: string }
  /** Assign to a unit (by code), or to the acting agent, or clear the assignee. */
  | { type: 'assign'; unit?: string; agent?: 'actor' | 'none' }
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
