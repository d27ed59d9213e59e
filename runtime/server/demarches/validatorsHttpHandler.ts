import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppDatabase } from '../../db/types.ts';
import { type AnswerEncoding, answerEncoding, compressed } from '../core/compressAnswer.ts';
import { validatorModule } from './validatorModules.ts';

/** Where the validators of one published version are served (see webForms). */
export const VALIDATORS_PATH = '/validators/';

const ROUTE =
  /^\/validators\/([a-z0-9][a-z0-9-]{0,62})\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/([1-9][0-9]{0,8})\.js$/;

/**
 * `GET /validators/<tenant>/<démarche id>/<version>.js`: the published version's form
 * validators as an ES module the citizen app imports (compiled by the server, so the
 * page's CSP needs no `unsafe-eval`: docs/SECURITY.md §60). A published version never
 * changes, so the answer is cached for a year as `immutable`. Public, like the form it
 * checks (`demarches.getPublished`). Returns false for any other path.
 *
 * @example
 * if (await validatorsHttpHandler(req, res, deps.database.db)) return;
 */
export async function validatorsHttpHandler(
  req: IncomingMessage,
  res: ServerResponse,
  db: AppDatabase,
): Promise<boolean> {
  const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (!pathname.startsWith(VALIDATORS_PATH)) return false;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.statusCode = 405;
    res.setHeader('Allow', 'GET, HEAD');
    res.end();
    return true;
  }
  const match = ROUTE.exec(pathname);
  const source = match
    ? await validatorModule(db, {
        tenant: match[1]!,
        demarcheId: match[2]!,
        version: Number(match[3]),
      })
    : null;
  if (source === null) {
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.end('Validateurs introuvables.');
    return true;
  }
  res.statusCode = 200;
  res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
  res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
  res.setHeader('Vary', 'Accept-Encoding');
  const plain = Buffer.from(source);
  const encoding = answerEncoding('GET', req.headers, plain.length);
  let body: Buffer = plain;
  if (encoding !== null) {
    // The démarche's id is unique across tenants, and the tenant was checked above.
    body = await compressedCopy(`${match![2]}/${match![3]}/${encoding}`, plain, encoding);
    res.setHeader('Content-Encoding', encoding);
  }
  res.setHeader('Content-Length', body.length);
  res.end(req.method === 'HEAD' ? undefined : body);
  return true;
}

/** Compressed modules kept per process, as the compiled ones are (`validatorModules.ts`). */
const MAX_COPIES = 400;
const copies = new Map<string, Promise<Buffer>>();

/**
 * A published version's module never changes: it is compressed once per encoding, not
 * for every citizen who opens the form (a long form's module is hundreds of KB).
 */
function compressedCopy(key: string, plain: Buffer, encoding: AnswerEncoding): Promise<Buffer> {
  let copy = copies.get(key);
  if (copy === undefined) {
    copy = compressed(plain, encoding);
    copy.catch(() => copies.delete(key));
    if (copies.size >= MAX_COPIES) copies.delete(copies.keys().next().value as string);
    copies.set(key, copy);
  }
  return copy;
}
