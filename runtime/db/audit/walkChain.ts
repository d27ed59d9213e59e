/** Where a hash chain breaks, and what was expected there instead of what is stored. */
export type ChainVerdict =
  | { ok: true; length: number }
  | {
      ok: false;
      seq: number;
      /** `hash`: content changed; `link`: prev_hash differs; `gap`: a seq is missing; `missing`: the sealed row is gone. */
      problem: 'hash' | 'link' | 'gap' | 'missing';
      expected: string | null;
      found: string | null;
    };

/** One stored link of a chain, with the hash recomputed from the row's content. */
export interface ChainLink {
  seq: number | string;
  prev_hash: string | null;
  hash: string;
  /** Null when the row the link covers no longer exists. */
  expected: string | null;
}

/**
 * Walks a chain in `seq` order and stops at the first break: seq must count 1, 2, 3…,
 * each `prev_hash` must be the previous `hash`, each `hash` the recomputed one.
 *
 * @example
 * walkChain([{ seq: 1, prev_hash: null, hash: 'ab', expected: 'ab' }]); // { ok: true, length: 1 }
 */
export function walkChain(links: readonly ChainLink[]): ChainVerdict {
  let previous: string | null = null;
  let position = 0;
  for (const link of links) {
    position += 1;
    const seq = Number(link.seq);
    if (seq !== position) {
      return {
        ok: false,
        seq: position,
        problem: 'gap',
        expected: String(position),
        found: String(seq),
      };
    }
    if (link.prev_hash !== previous) {
      return { ok: false, seq, problem: 'link', expected: previous, found: link.prev_hash };
    }
    if (link.expected === null) {
      return { ok: false, seq, problem: 'missing', expected: link.hash, found: null };
    }
    if (link.hash !== link.expected) {
      return { ok: false, seq, problem: 'hash', expected: link.expected, found: link.hash };
    }
    previous = link.hash;
  }
  return { ok: true, length: position };
}
