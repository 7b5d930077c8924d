/** A Microsoft 365 tenant that owns mapped groups and their data. */
export interface Organisation {
  id: string;
  tenantId: string;
  displayName: string;
  /** ISO 3166 alpha-2 region used to read phone numbers typed without a country code. */
  defaultRegion: string;
  createdAt: string;
}
