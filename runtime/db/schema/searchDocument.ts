import { type SQL, sql } from 'drizzle-orm';

/**
 * Accent folding shared by the generated `dossiers.search` column and the query side
 * (`dossierSearch`): both must fold the same characters or searches miss. `translate`
 * is IMMUTABLE, so it is allowed in a generated column; `unaccent` is not, and is an
 * extension PGlite would have to load. Changing these strings needs a migration.
 */
export const ACCENTED = 'àáâãäåçèéêëìíîïñòóôõöùúûüýÿÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝŸ';
export const UNACCENTED = 'aaaaaaceeeeiiiinooooouuuuyyAAAAAACEEEEIIIINOOOOOUUUUYY';

/**
 * Above this size the data is not indexed for free text: a tsvector is capped at 1 MB
 * and an oversized one would make the write fail.
 */
export const SEARCH_MAX_DATA_BYTES = 200_000;

/**
 * The expression of the generated `dossiers.search` column: the reference (weight A)
 * plus every string and number value of `data` (not its keys), with the 'simple'
 * configuration: no stemming, which suits names, communes and numbers.
 */
export const searchDocumentSql: SQL = sql.raw(
  `setweight(to_tsvector('simple'::regconfig, coalesce("reference", '')), 'A') || ` +
    `case when octet_length("data"::text) <= ${SEARCH_MAX_DATA_BYTES} ` +
    `then jsonb_to_tsvector('simple'::regconfig, translate("data"::text, '${ACCENTED}', '${UNACCENTED}')::jsonb, '["string", "numeric"]'::jsonb) ` +
    `else ''::tsvector end`,
);
