/**
 * Markup a browser would run or render as a page: HTML, SVG, script, frames, plugins.
 * A PDF or an image carrying it anywhere is a polyglot, refused even though uploads are
 * always served as downloads with `nosniff` (docs/SECURITY.md §15).
 */
const MARKUP = /<(?:!doctype\s{1,32}html|html|head|body|script|svg|iframe|object|embed)[\s>/]/i;

/** Longer than any match of `MARKUP`, so a marker split across two chunks is still seen. */
const CARRY_CHARS = 64;

export interface MarkupScanner {
  /** Feeds the next chunk of the file, in order. */
  push(chunk: Uint8Array): void;
  /** True once markup was seen anywhere in what was pushed. */
  readonly found: boolean;
}

/**
 * Looks for HTML/script markers over a whole file as it streams by, keeping only the
 * last few bytes between chunks: the cost is one pass over the upload, bounded by its
 * size cap, with constant memory. Bytes are read as latin1, one character per byte, so
 * markers are found whatever the encoding around them.
 *
 * @example
 * const scanner = createMarkupScanner();
 * for await (const chunk of stream) scanner.push(chunk);
 * if (scanner.found) refuse();
 */
export function createMarkupScanner(): MarkupScanner {
  let carry = '';
  let found = false;
  return {
    push(chunk) {
      if (found) return;
      const text =
        carry + Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1');
      if (MARKUP.test(text)) found = true;
      carry = text.slice(-CARRY_CHARS);
    },
    get found() {
      return found;
    },
  };
}
