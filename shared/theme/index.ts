/** What others may import from the theme rules (shared by the studio and the server). */
export {
  contrastWithWhite,
  HEX_COLOUR,
  MIN_TEXT_CONTRAST,
  readableUnderWhiteText,
  relativeLuminance,
} from './contrast.ts';
