import type { Locale } from '../../i18n/locales';

/** A Microsoft 365 tenant that owns mapped groups and their data. */
export interface Organisation {
  id: string;
  tenantId: string;
  displayName: string;
  /** ISO 3166 alpha-2 region used to read phone numbers typed without a country code. */
  defaultRegion: string;
  createdAt: string;
  /** The language posters, slips and the rollout kit print in by default; English until an org admin changes it. */
  language?: Locale;
}
