/** What every auth service needs to know about the request it serves. */
export interface AuthRequest {
  /** From the server clock (a port: tests move it). */
  now: Date;
  /** Copied into audit rows. */
  requestId: string;
  /** The client address, kept in audit details of logins. */
  ip: string;
}
