/** 0–255, one channel of an `rgb()` colour. */
const BYTE = String.raw`\s*\b([0-9]|[1-9][0-9]|1[0-9][0-9]|2[0-4][0-9]|25[0-5])\b\s*`;
/** 0–100 %, one channel of an `rgb()` colour. */
const PERCENT = String.raw`\s*(\d?\d%|100%)+\s*`;
const NAMED_COLOURS =
  'aqua|black|blue|fuchsia|gray|green|lime|maroon|navy|olive|orange|purple|red|silver|teal|white|yellow';

/**
 * The two formats RJSF's ajv validator adds beyond ajv-formats, with the same regexes, so
 * a schema RJSF renders (a file widget's `data-url`, a colour picker's `color`) compiles
 * and validates identically on the server.
 *
 * @example
 * ajv.addFormat('data-url', rjsfFormats['data-url']);
 */
export const rjsfFormats: Readonly<Record<'data-url' | 'color', RegExp>> = {
  'data-url': /^data:([a-z]+\/[a-z0-9-+.]+)?;(?:name=(.*);)?base64,(.*)$/,
  color: new RegExp(
    `^(#?([0-9A-Fa-f]{3}){1,2}\\b|${NAMED_COLOURS}|(rgb\\(${BYTE},${BYTE},${BYTE}\\))|(rgb\\(${PERCENT},${PERCENT},${PERCENT}\\)))$`,
  ),
};
