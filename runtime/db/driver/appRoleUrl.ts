/** The role the server runs as on PostgreSQL: rows only, no DDL (migration 0008). */
export const APP_ROLE = 'guichet_app';

/**
 * The URL the server's pool connects with: `explicit` (GUICHET_APP_DATABASE_URL, which
 * carries the app role's password in production) when given, otherwise the owner's URL
 * with its user replaced by `guichet_app` and no password (trust or peer auth, as in CI).
 * A connection that starts as guichet_app can never become the owner: no `SET ROLE`
 * that the application could `RESET`.
 *
 * @example
 * appRoleUrl('postgres://owner:secret@db:5432/guichet'); // 'postgres://guichet_app@db:5432/guichet'
 */
export function appRoleUrl(ownerUrl: string, explicit?: string | null): string {
  if (explicit) return explicit;
  // By hand rather than `new URL`: multi-host URLs (`a,b:5433`) are not WHATWG hosts.
  const match = /^(postgres(?:ql)?:\/\/)(?:[^@/]*@)?(.*)$/.exec(ownerUrl);
  if (!match) throw new Error('guichet: DATABASE_URL must start with postgres://');
  return `${match[1]}${APP_ROLE}@${match[2]}`;
}
