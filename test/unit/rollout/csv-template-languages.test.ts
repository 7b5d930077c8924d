import { csvTemplate } from '../../../src/domain/uploads/templates';
import { translatorFor } from '../../../src/i18n/translator';

const rowsOf = (csv: string): string[] =>
  csv
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter((line) => line && !line.startsWith('#'));
const instructionsOf = (csv: string): string[] =>
  csv
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter((line) => line.startsWith('#'));

describe('CSV templates in each language', () => {
  test.each(['user-group-mapping', 'parent-group-mapping'] as const)(
    'when the %s template is downloaded in Hindi or Arabic, then the instructions are translated and the header and examples are the English ones',
    (kind) => {
      const english = csvTemplate(kind);
      for (const [locale, script] of [
        ['hi', /\p{Script=Devanagari}/u],
        ['ar', /\p{Script=Arabic}/u],
      ] as const) {
        const csv = csvTemplate(kind, translatorFor(locale));
        expect(csv.startsWith('\uFEFF#')).toBe(true);
        expect(rowsOf(csv)).toEqual(rowsOf(english));
        const instructions = instructionsOf(csv);
        expect(instructions).toHaveLength(instructionsOf(english).length);
        for (const line of instructions) expect(line).toMatch(script);
      }
    },
  );

  test('when the User Group Mapping template is in Hindi, then each column line names the English header and says whether it is needed', () => {
    const lines = instructionsOf(csvTemplate('user-group-mapping', translatorFor('hi')));
    expect(lines).toContain(
      '# Phone Number (ज़रूरी): देश कोड के साथ (+91 98765 43210) या जैसे उस क्षेत्र में डायल किया जाता है',
    );
    expect(lines).toContain('# Name (वैकल्पिक): व्यक्ति का नाम');
    expect(lines.join('\n')).toContain('ज़्यादा से ज़्यादा 100 अक्षर');
  });

  test('when the template is in Arabic, then the column lines say required and optional in Arabic', () => {
    const lines = instructionsOf(csvTemplate('user-group-mapping', translatorFor('ar')));
    expect(lines).toContain(
      '# Group Name (مطلوب): المجموعة؛ تُنشأ المجموعة إن لم تكن موجودة (100 حرفًا على الأكثر)',
    );
    expect(lines).toContain('# Name (اختياري): اسم الشخص');
  });
});
