/** Who is calling, resolved from the session cookie by the auth feature. */
export interface SessionActor {
  sessionId: string;
  tenantId: string;
  userId: string;
  kind: 'citizen' | 'staff';
  roles: Array<'admin' | 'agent' | 'supervisor'>;
  /** Unit ids the user belongs to. */
  unitIds: string[];
  /** Unit codes the user covers (own units and their descendants), for the engine. */
  unitCodes: string[];
}
