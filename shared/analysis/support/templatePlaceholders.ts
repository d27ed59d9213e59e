import { Liquid, LiquidError } from 'liquidjs';
import { TEMPLATE_FILTERS } from '../../templating/index.ts';

/** The variables a notification or letter template may use; the renderer provides them. */
export const TEMPLATE_ROOTS: readonly string[] = ['dossier', 'data', 'input'];

/** What `{{ dossier.* }}` may name; the renderer must expose exactly these. */
export const DOSSIER_PLACEHOLDERS: readonly string[] = [
  'reference',
  'state',
  'stateLabel',
  'createdAt',
  'enteredStateAt',
  'dueAt',
  'unit',
  'priority',
];

/** One variable a template reads, e.g. `data.adresse.ville`. */
export interface Placeholder {
  /** `null` for a step computed at render time (`data[dossier.state]`). */
  segments: Array<string | number | null>;
  row: number;
  col: number;
}

export type ParsedTemplate =
  | { ok: true; placeholders: Placeholder[] }
  | {
      ok: false;
      detail: string;
      row: number;
      col: number;
      /** Set when the only trouble is a filter neither liquid nor Guichet has. */
      unknownFilter?: string;
    };

// Sources rarely change between two keystrokes of the designer, and parsing is the
// costliest thing the linter does, so analyses are memoised by source text.
const cache = new Map<string, ParsedTemplate>();
const CACHE_SIZE = 512;
let engine: Liquid | undefined;

/**
 * The context variables a liquid template reads (variables it assigns or loops over
 * itself are left out), using liquidjs's own parser and static analysis; or why it does
 * not parse.
 *
 * @example
 * templatePlaceholders('Bonjour {{ data.prenom }}');
 * // { ok: true, placeholders: [{ segments: ['data', 'prenom'], row: 1, col: 12 }] }
 */
export function templatePlaceholders(source: string): ParsedTemplate {
  const cached = cache.get(source);
  if (cached !== undefined) return cached;
  const parsed = analyse(source);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(source, parsed);
  return parsed;
}

function analyse(source: string): ParsedTemplate {
  engine ??= lintEngine();
  try {
    // `partials: false`: a lint must never try to load files.
    const analysis = engine.analyzeSync(engine.parse(source), { partials: false });
    const placeholders: Placeholder[] = [];
    for (const variables of Object.values(analysis.globals)) {
      for (const variable of variables) {
        placeholders.push({
          segments: variable.segments.map((s) => (typeof s === 'object' ? null : s)),
          row: variable.location.row,
          col: variable.location.col,
        });
      }
    }
    return { ok: true, placeholders };
  } catch (error) {
    if (!LiquidError.is(error)) throw error;
    const [row = 1, col = 1] = error.token.getPosition();
    const detail = (error.originalError?.message ?? error.message).replace(
      /, line:\d+, col:\d+$/,
      '',
    );
    const unknownFilter = /^undefined filter: (.+)$/.exec(detail)?.[1];
    return unknownFilter === undefined
      ? { ok: false, detail, row, col }
      : { ok: false, detail, row, col, unknownFilter };
  }
}

/** Liquid as the renderer runs it: unknown filters refused, Guichet's own known. */
function lintEngine(): Liquid {
  const liquid = new Liquid({ strictFilters: true });
  for (const [name, filter] of Object.entries(TEMPLATE_FILTERS))
    liquid.registerFilter(name, filter);
  return liquid;
}
