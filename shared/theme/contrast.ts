/** WCAG 2.1 AA for normal text: the least contrast ratio accepted. */
export const MIN_TEXT_CONTRAST = 4.5;

/** `#rrggbb` (lower or upper case): the only colour form a theme stores. */
export const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;

/**
 * WCAG 2.1 relative luminance of a `#rrggbb` colour (0 black … 1 white).
 *
 * @example
 * relativeLuminance('#ffffff') // 1
 */
export function relativeLuminance(hex: string): number {
  const channel = (offset: number) => {
    const value = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/**
 * The contrast ratio of white text on `hex` (1 … 21), rounded down to two decimals so a
 * colour shown as 4.49 is never accepted as 4.5.
 *
 * @example
 * contrastWithWhite('#000091') // 14.92…
 * contrastWithWhite('#ffcc00') // 1.6…
 */
export function contrastWithWhite(hex: string): number {
  const ratio = 1.05 / (relativeLuminance(hex) + 0.05);
  return Math.floor(ratio * 100) / 100;
}

/**
 * Whether white text on `hex` meets WCAG 2.1 AA (4.5:1): the studio shows it live, the
 * server refuses the others.
 *
 * @example
 * readableUnderWhiteText('#1a4d8f') // true
 */
export function readableUnderWhiteText(hex: string): boolean {
  return HEX_COLOUR.test(hex) && contrastWithWhite(hex) >= MIN_TEXT_CONTRAST;
}
