import { isLocale, LOCALES, type Locale } from '../../i18n/locales';
import type { Actor } from '../access/actor';
import { auditEntry } from '../audit/audit-entry';
import type { DomainContext } from '../shared/unit-of-work.port';
import { LanguageUnsupported } from './organisation.errors';
import { requireOrgAdminOf } from './require-org-admin';

/** A language asked for by its code (`en`, `hi`, `ar`), refused with a coded error when Convene does not speak it. */
export function printLanguage(language: string): Locale {
  if (!isLocale(language)) throw new LanguageUnsupported(language, LOCALES);
  return language;
}

/** The organisation's print language, for its org admins. */
export async function organisationLanguage(
  ctx: DomainContext,
  actor: Actor,
): Promise<{ language: Locale; languages: readonly Locale[] }> {
  const organisation = await ctx.uow.read((repos) => requireOrgAdminOf(repos, actor));
  return { language: organisation.language ?? 'en', languages: LOCALES };
}

/**
 * Sets the language the organisation's posters, slips and rollout kit print in by default (a download
 * can still ask for another). Org admins only; audited.
 */
export async function setOrganisationLanguage(
  ctx: DomainContext,
  input: { language: string },
  actor: Actor,
): Promise<{ language: Locale; languages: readonly Locale[] }> {
  const language = printLanguage(input.language);
  await ctx.uow.run(async (repos) => {
    const organisation = await requireOrgAdminOf(repos, actor);
    if ((organisation.language ?? 'en') === language) return;
    await repos.organisations.setLanguage(organisation.id, language);
    await repos.audit.append(
      auditEntry(ctx.clock.now(), actor.personId, 'organisation.language-changed', null, {
        organisationId: organisation.id,
        from: organisation.language ?? 'en',
        to: language,
      }),
    );
  });
  return { language, languages: LOCALES };
}
