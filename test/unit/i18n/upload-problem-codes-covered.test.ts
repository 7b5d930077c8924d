import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { problemCodes } from '../../../src/domain/uploads/upload-problem';
import { catalogue } from '../../../src/i18n/catalogue';
import { errorWords } from '../../../src/i18n/error-words';
import { translatorFor } from '../../../src/i18n/translator';

/**
 * Every problem an upload can report has words in the catalogue (`errors.<CODE>`), so the tab shows it
 * in the reader's language. The codes are the upload rules' own (`problemCodes`) and every code named in
 * the upload folder's source; the domain's codes the rules reuse are checked by error-codes-covered.
 */
const uploads = path.join(__dirname, '../../../src/domain/uploads');
const named = readdirSync(uploads)
  .filter((file) => file.endsWith('.ts'))
  .flatMap((file) => [...readFileSync(path.join(uploads, file), 'utf8').matchAll(/'(CSV_[A-Z_]+)'/g)])
  .map((match) => match[1]!)
  .filter((code) => code !== 'CSV_QUOTE_NOT_CLOSED'); // csv-parse's own code, kept in details.parser
const codes = [...new Set([...Object.values(problemCodes), ...named])].sort();

describe('the words for upload problems', () => {
  it.each(codes)('when a file has %s, then every language has its words', (code) => {
    for (const locale of ['en', 'hi', 'ar'] as const)
      expect(Object.hasOwn(catalogue[locale], `errors.${code}`)).toBe(true);
  });

  it('when an unknown group is reported to a Hindi reader, then the words are Hindi with the group named', () => {
    const words = errorWords(
      {
        code: 'CSV_UNKNOWN_GROUP',
        message: 'There is no group "Depot"',
        details: { group: 'Depot', line: 4 },
      },
      translatorFor('hi'),
    );
    expect(words).toBe('आपके संगठन में “Depot” नाम का कोई समूह नहीं है: वर्तनी जाँचें या पहले समूह बनाएँ।');
  });

  it('when an unclosed quote is reported in Arabic, then the line is in the sentence', () => {
    const words = errorWords(
      {
        code: 'CSV_MALFORMED',
        message: 'Line 3 opens a quote',
        details: { reason: 'unclosed-quote', line: 3 },
      },
      translatorFor('ar'),
    );
    expect(words).toContain('علامة اقتباس لا تُغلق');
    expect(words).toMatch(/3|٣/);
  });
});
