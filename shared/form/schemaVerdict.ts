/**
 * What an interpreted JSON Schema says of a value: it holds, it fails, or it cannot be
 * told here (a keyword outside what `interpretSchema` reads), which callers treat as
 * « not known to hold ».
 */
export type SchemaVerdict = 'holds' | 'fails' | 'undecided';

/**
 * Every verdict at once (a schema's keywords, `allOf`): one failure decides, else one
 * undecided leaves the whole undecided.
 *
 * @example
 * allOfVerdicts(['holds', 'undecided', 'fails']); // 'fails'
 */
export function allOfVerdicts(verdicts: Iterable<SchemaVerdict>): SchemaVerdict {
  let result: SchemaVerdict = 'holds';
  for (const verdict of verdicts) {
    if (verdict === 'fails') return 'fails';
    if (verdict === 'undecided') result = 'undecided';
  }
  return result;
}

/**
 * A count of verdicts against bounds (`contains` between `minContains` and `maxContains`,
 * `oneOf` exactly once): decided only when every way the undecided ones could go gives
 * the same answer.
 *
 * @example
 * countWithin(['holds', 'undecided'], 1, 1); // 'undecided': 1 or 2 matches
 */
export function countWithin(
  verdicts: readonly SchemaVerdict[],
  min: number,
  max: number,
): SchemaVerdict {
  const surely = verdicts.filter((verdict) => verdict === 'holds').length;
  const maybe = surely + verdicts.filter((verdict) => verdict === 'undecided').length;
  if (surely >= min && maybe <= max) return 'holds';
  if (maybe < min || surely > max) return 'fails';
  return 'undecided';
}

/** `not`: the opposite, and still undecided when undecided. */
export function negated(verdict: SchemaVerdict): SchemaVerdict {
  if (verdict === 'undecided') return verdict;
  return verdict === 'holds' ? 'fails' : 'holds';
}

/** A plain test as a verdict. */
export function verdictOf(holds: boolean): SchemaVerdict {
  return holds ? 'holds' : 'fails';
}
