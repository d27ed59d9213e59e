/**
 * The only procedures a visitor's pass (a dossier filed without an account) may call, as
 * that dossier's applicant: read it and its history, fill and submit it, answer the
 * agents (a complement, a message). Everything else — opening another dossier, the
 * document safe, « Mes dossiers », account settings — answers UNAUTHORIZED as to anyone
 * signed out (docs/SECURITY.md §53). A signed-in session always wins over a pass.
 */
export const ANONYMOUS_PROCEDURES: ReadonlySet<string> = new Set([
  'dossiers.get',
  'dossiers.history',
  'dossiers.saveDraft',
  'dossiers.checkPage',
  'dossiers.submit',
  'dossiers.act',
  'dossiers.messages.list',
  'dossiers.messages.send',
]);
