import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { createMarkupScanner } from './markupScanner.ts';

export type Received =
  | {
      kind: 'file';
      path: string;
      size: number;
      sha256: string;
      /** HTML or script markers anywhere in the file (`createMarkupScanner`). */
      carriesMarkup: boolean;
    }
  | { kind: 'too-large' }
  | { kind: 'empty' };

/**
 * Streams a request body to `path` while hashing it, and stops storing as soon as it
 * passes `maxBytes`: an oversize upload never fills memory or disk, and the partial
 * file is removed. The rest of the body is discarded unread (not buffered) so the
 * client still receives the 413 answer. The whole file is scanned for HTML/script markers
 * on the way (a polyglot can hide them past any fixed-size head).
 *
 * @example
 * const received = await receiveUpload(req, await temporaryPath(root), 10 * 1024 * 1024);
 * if (received.kind === 'too-large') reply(413);
 */
export function receiveUpload(
  req: IncomingMessage,
  path: string,
  maxBytes: number,
): Promise<Received> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    const out = createWriteStream(path, { flags: 'wx' });
    const markup = createMarkupScanner();
    let size = 0;
    let settled = false;

    const stop = (then: () => void) => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      req.off('end', onEnd);
      req.resume();
      const cleanUp = () => rm(path, { force: true }).then(then, reject);
      if (out.closed) cleanUp();
      else {
        out.once('close', cleanUp);
        out.destroy();
      }
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        stop(() => resolve({ kind: 'too-large' }));
        return;
      }
      hash.update(chunk);
      markup.push(chunk);
      if (!out.write(chunk)) {
        req.pause();
        out.once('drain', () => req.resume());
      }
    };
    const onEnd = () => {
      if (settled) return;
      settled = true;
      out.end(() => {
        if (size === 0) {
          rm(path, { force: true }).then(() => resolve({ kind: 'empty' }), reject);
          return;
        }
        resolve({
          kind: 'file',
          path,
          size,
          sha256: hash.digest('hex'),
          carriesMarkup: markup.found,
        });
      });
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', (error) => stop(() => reject(error)));
    out.on('error', (error) => stop(() => reject(error)));
  });
}
