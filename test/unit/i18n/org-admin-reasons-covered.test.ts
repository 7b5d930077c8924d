import { IntlMessageFormat } from 'intl-messageformat';
import { ORG_ADMIN_CLAIMS, ORG_ADMIN_GRANT_SOURCES } from '../../../src/domain/organisations/org-admin';
import ar from '../../../src/i18n/messages/ar/tab-org-admins.json';
import en from '../../../src/i18n/messages/en/tab-org-admins.json';
import hi from '../../../src/i18n/messages/hi/tab-org-admins.json';

/**
 * Every reason someone can be an org admin (Entra's claims and Convene's grant sources) has words in
 * `tab-org-admins.json`, which the Org admins page shows by the reason's source.
 */
const sources = [...ORG_ADMIN_CLAIMS, ...ORG_ADMIN_GRANT_SOURCES];
const languages = { en, hi, ar } as Record<string, Record<string, string>>;

describe('the words for why someone is an org admin', () => {
  it.each(sources)('when someone is an org admin by %s, then every language says why', (source) => {
    for (const messages of Object.values(languages))
      expect(Object.hasOwn(messages, `tab-org-admins.reason.${source}`)).toBe(true);
  });

  it('when a grant names who made it, then Hindi and Arabic name them; unknown, the sentence has no gap', () => {
    const say = (locale: 'hi' | 'ar', by: string | null) =>
      new IntlMessageFormat(languages[locale]!['tab-org-admins.reason.portal']!, locale).format({
        by,
      }) as string;
    expect(say('hi', 'Asha')).toBe('Asha ने पोर्टल में नामित किया');
    expect(say('ar', 'Asha')).toBe('عيّنه Asha من البوابة');
    expect(say('hi', null)).toBe('पोर्टल में नामित');
  });
});
