import { type SQL, sql } from 'drizzle-orm';
import { dossiers } from '../schema/dossiers.ts';
import { ACCENTED, UNACCENTED } from '../schema/searchDocument.ts';

const MAX_QUERY_LENGTH = 200;

/**
 * The free-text condition on `dossiers.search`, or undefined when the text holds nothing
 * to search for. The text goes through the same accent folding and the same parser as
 * the indexed document, so "eloise" finds "Éloïse", "jean-pierre" finds "Jean-Pierre"
 * and an e-mail address finds itself; every word is a prefix ("dupo" finds "Dupont")
 * and all must match.
 *
 * @example
 * const where = scope.where(dossiers, eq(dossiers.demarcheId, id), dossierSearch(q));
 */
export function dossierSearch(text: string): SQL | undefined {
  // Quotes and backslashes would have to be escaped inside the tsquery; they never help.
  const cleaned = text.replace(/['\\]/g, ' ').trim().slice(0, MAX_QUERY_LENGTH);
  if (!/[\p{L}\p{N}]/u.test(cleaned)) return undefined;
  const lexemes = sql`tsvector_to_array(to_tsvector('simple'::regconfig, translate(${cleaned}::text, ${ACCENTED}::text, ${UNACCENTED}::text)))`;
  const prefixQuery = sql`(select coalesce(string_agg('''' || lexeme || ''':*', ' & '), '') from unnest(${lexemes}) as lexeme)`;
  return sql`${dossiers.search} @@ to_tsquery('simple'::regconfig, ${prefixQuery})`;
}
