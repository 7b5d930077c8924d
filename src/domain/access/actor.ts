/**
 * Who is acting. `tenantId` is set only when the identity was proven by a Microsoft 365 sign-in
 * (a verified token, or the Teams activity in local mode).
 */
export interface Actor {
  personId: string;
  tenantId: string | null;
  displayName: string | null;
}
