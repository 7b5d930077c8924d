import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { LOCALES } from '../../../src/i18n/locales';

/**
 * The one message catalogue stays whole: every language has every English key, in the same namespace
 * file, with the same placeholders of the same kinds, and every message is valid ICU.
 */
const root = path.join(__dirname, '../../../src/i18n/messages');

const namespacesOf = (locale: string): string[] =>
  readdirSync(path.join(root, locale))
    .filter((file) => file.endsWith('.json'))
    .sort();

const messagesOf = (locale: string, file: string): Record<string, string> =>
  JSON.parse(readFileSync(path.join(root, locale, file), 'utf8'));

/** The arguments a message takes, as `name:kind`, found anywhere in it (inside plurals and selects too). */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    if (element.type === TYPE.tag) {
      into.add(`<${element.value}>`);
      argumentsOf(element.children, into);
      continue;
    }
    into.add(`${element.value}:${TYPE[element.type]}`);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) argumentsOf(option.value, into);
    }
  }
  return into;
}

const sorted = (set: Set<string>): string[] => [...set].sort();

describe('the message catalogue', () => {
  const english = namespacesOf('en');

  it('when English is read, then every key sits in its namespace file and every message is valid ICU', () => {
    expect(english.length).toBeGreaterThan(0);
    for (const file of english) {
      const namespace = file.replace(/\.json$/, '');
      for (const [key, message] of Object.entries(messagesOf('en', file))) {
        expect(`${file}: ${key}`).toMatch(new RegExp(`^${file}: ${namespace.replace('.', '\\.')}\\.`));
        expect(() => parse(message)).not.toThrow();
      }
    }
  });

  for (const locale of LOCALES.filter((l) => l !== 'en')) {
    describe(locale, () => {
      it('when its namespaces are listed, then they are English’s', () => {
        expect(namespacesOf(locale)).toEqual(english);
      });

      for (const file of english) {
        it(`when ${file} is read, then it has every English key, no other, with the same placeholders`, () => {
          const source = messagesOf('en', file);
          const translated = messagesOf(locale, file);
          expect(Object.keys(translated).sort()).toEqual(Object.keys(source).sort());
          for (const [key, message] of Object.entries(source)) {
            const theirs = translated[key];
            expect({ key, message: typeof theirs === 'string' && theirs.trim() !== '' }).toEqual({
              key,
              message: true,
            });
            const expected = sorted(argumentsOf(parse(message)));
            expect({ key, placeholders: sorted(argumentsOf(parse(theirs))) }).toEqual({
              key,
              placeholders: expected,
            });
          }
        });
      }
    });
  }
});
