/**
 * What other folders may import from documents; every other file here is internal to it.
 */
export type { DocumentKind, DocumentValidityRule } from './documentValidity.ts';
export { DOCUMENT_KINDS, isExpired, validUntilFor } from './documentValidity.ts';
