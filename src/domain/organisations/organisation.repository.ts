import type { Locale } from '../../i18n/locales';
import type { Organisation } from './organisation';

export interface OrganisationRepository {
  findById(id: string): Promise<Organisation | undefined>;
  findByTenantId(tenantId: string): Promise<Organisation | undefined>;
  insert(organisation: Organisation): Promise<void>;
  setLanguage(id: string, language: Locale): Promise<void>;
}
