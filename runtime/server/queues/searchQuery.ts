import { type SQL, sql } from 'drizzle-orm';
import { rowsOf } from '../../db/index.ts';
import { dossiers } from '../../db/schema/dossiers.ts';
import { ACCENTED, UNACCENTED } from '../../db/schema/searchDocument.ts';
import type { AppDatabase } from '../../db/types.ts';

const MAX_QUERY_LENGTH = 200;
const MAX_WORDS = 8;

/**
 * The tsquery text for a search box, or null when the text holds nothing to search for.
 * Words go through the accent folding and parser of the indexed document (see
 * `searchDocument.ts`), so "eloise" finds "Éloïse" and an e-mail address finds itself.
 * Every word must match; the last one is a prefix, the word being typed ("martin dup"
 * finds "Dupont Martin"). Hyphenated words count by their parts ("jean-pierre" is
 * `jean & pierre`), which the document also holds.
 *
 * Differs from `dossierSearch` (runtime/db) on purpose, for the queue's planner: the
 * query text is computed first (one round trip) and sent as a constant, so PostgreSQL
 * estimates it from the column's lexeme statistics instead of guessing; and only the
 * last word is a prefix, because a GIN partial match per word costs ~100 ms on a
 * million rows ("jean-pierre martin": 97 ms all prefixes, 7 ms exact).
 *
 * @example
 * await searchQuery(db, 'Éloïse Dup'); // "'eloise' & 'dup':*"
 */
export async function searchQuery(db: AppDatabase, text: string): Promise<string | null> {
  const cleaned = text.replace(/['\\]/g, ' ').trim().slice(0, MAX_QUERY_LENGTH);
  if (!/[\p{L}\p{N}]/u.test(cleaned)) return null;
  const result = await db.execute(sql`
    select w.lexeme from ts_debug('simple'::regconfig, translate(${cleaned}::text, ${ACCENTED}::text, ${UNACCENTED}::text))
      with ordinality as d(alias, description, token, dictionaries, dictionary, lexemes, position)
    cross join lateral unnest(d.lexemes) as w(lexeme)
    where d.alias not in ('asciihword', 'hword', 'numhword')
    order by d.position`);
  const words = (rowsOf(result) as Array<{ lexeme: string }>)
    .map((row) => row.lexeme)
    .slice(0, MAX_WORDS);
  if (words.length === 0) return null;
  return words
    .map(
      (word, i) =>
        `'${word.replace(/\\/g, '\\\\').replace(/'/g, "''")}'${i === words.length - 1 ? ':*' : ''}`,
    )
    .join(' & ');
}

/**
 * The condition matching `tsquery` (from `searchQuery`) against the generated
 * `dossiers.search` column, which its GIN index serves.
 *
 * @example
 * const q = await searchQuery(db, 'dupont');
 * if (q !== null) conditions.push(searchMatches(q));
 */
export function searchMatches(tsquery: string): SQL {
  return sql`${dossiers.search} @@ to_tsquery('simple'::regconfig, ${tsquery})`;
}
