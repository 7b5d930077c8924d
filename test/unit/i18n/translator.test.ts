import { localeFrom, localeFromAcceptLanguage } from '../../../src/i18n/locales';
import { translatorFor } from '../../../src/i18n/translator';

describe('translatorFor', () => {
  it('when a count is formatted, then each language uses its own plural forms', () => {
    expect(translatorFor('en').t('common.members', { count: 1 })).toBe('1 member');
    expect(translatorFor('en').t('common.members', { count: 2 })).toBe('2 members');
    expect(translatorFor('ar').t('common.members', { count: 2 })).toBe('عضوان');
    expect(translatorFor('ar').t('common.members', { count: 3 })).toBe('3 أعضاء');
  });

  it('when a date is formatted, then it follows the language and the time zone given', () => {
    const moment = new Date('2026-12-31T20:00:00Z');
    expect(translatorFor('en', 'UTC').date(moment, { dateStyle: 'long' })).toBe('December 31, 2026');
    expect(translatorFor('hi', 'Asia/Kolkata').date(moment, { dateStyle: 'long' })).toBe('1 जनवरी 2027');
  });

  it('when Arabic is asked for, then the direction is right to left', () => {
    expect(translatorFor('ar').dir).toBe('rtl');
    expect(translatorFor('hi').dir).toBe('ltr');
  });
});

describe('choosing a language', () => {
  it.each([
    ['hi-IN', 'hi'],
    ['ar-SA', 'ar'],
    ['en-GB', 'en'],
    ['fr-FR', 'en'],
    [undefined, 'en'],
  ])('when Teams says %s, then Convene speaks %s', (tag, expected) => {
    expect(localeFrom(tag)).toBe(expected);
  });

  it.each([
    ['fr-FR,fr;q=0.9,ar;q=0.8,en;q=0.5', 'ar'],
    ['hi;q=0.2, en;q=0.9', 'en'],
    ['*', 'en'],
    ['', 'en'],
  ])('when a browser sends Accept-Language %s, then the page is in %s', (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });
});
