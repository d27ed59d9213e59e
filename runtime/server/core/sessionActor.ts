/**
 * Who is calling: a person, resolved from the session cookie by the auth feature, or the
 * runtime itself (`kind: 'system'`, built by `systemSession` for timers only — never from
 * a cookie: `users.kind` is `citizen` or `staff`, so no sign-in can yield it).
 */
export interface SessionActor {
  sessionId: string;
  tenantId: string;
  userId: string;
  kind: 'citizen' | 'staff' | 'system';
  roles: Array<'admin' | 'agent' | 'supervisor'>;
  /** Unit ids the user belongs to. */
  unitIds: string[];
  /** Unit codes the user covers (own units and their descendants), for the engine. */
  unitCodes: string[];
}
