import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { catalogue } from '../../../src/i18n/catalogue';

/**
 * Every reason the delivery worker stores for an invite card that did not arrive has words in every
 * language (`errors.delivery.<CODE>`), so the group's card invites and the person page say why in the
 * reader's language. Found by reading the delivery code, so a new reason without words fails here.
 */
const delivery = path.join(__dirname, '../../../src/infra/delivery');
const patterns = [/code: '([A-Z_]+)'/g, /\? '([A-Z_]+)' : '([A-Z_]+)'/g];
const codes = [
  ...new Set(
    readdirSync(delivery)
      .filter((file) => file.endsWith('.ts'))
      .flatMap((file) => {
        const text = readFileSync(path.join(delivery, file), 'utf8');
        return patterns.flatMap((pattern) => [...text.matchAll(pattern)].flatMap((match) => match.slice(1)));
      }),
  ),
].sort();

describe('the words for an invite card that did not arrive', () => {
  it('when the delivery code is read, then it finds the reasons cards fail with', () => {
    expect(codes).toEqual(expect.arrayContaining(['BOT_BLOCKED', 'NOT_IN_DIRECTORY', 'THROTTLED']));
  });

  it.each(codes)('when a card fails with %s, then every language says why', (code) => {
    for (const locale of ['en', 'hi', 'ar'] as const)
      expect(Object.hasOwn(catalogue[locale], `errors.delivery.${code}`)).toBe(true);
  });
});
