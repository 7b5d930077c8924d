import { readCsvRecords } from '../../../src/domain/uploads/csv-records';
import type { Problem } from '../../../src/domain/uploads/upload-problem';

async function read(text: string, chunk = text.length) {
  const problems: Problem[] = [];
  const records: { line: number; first: string }[] = [];
  async function* chunks() {
    for (let at = 0; at < text.length; at += chunk) yield text.slice(at, at + chunk);
  }
  for await (const record of readCsvRecords(chunks(), {
    maxRecordChars: 200,
    onProblem: (found) => problems.push(found),
  })) {
    records.push({ line: record.line, first: record.cells[0] ?? '' });
  }
  return { problems, records };
}

const header = 'Group Name,Phone Number,User Type\n';

describe('reading CSV records', () => {
  test.each([
    [
      'the quote opens in the middle of the file',
      `${header}A,+1,Member\n"B,+2,Member\nC,+3,Member\nD,+4,Member\n`,
      3,
    ],
    [
      'many records are read ahead of it',
      `${header}${Array.from({ length: 300 }, (_, i) => `A${i},+${i},Member\n`).join('')}"B,+2,Member\nC\n`,
      302,
    ],
    ['the quote opens on the last line', `${header}A,+1,Member\n"B,+2,Member\n`, 3],
    [
      'comment and blank lines come before it',
      `# instructions\n${header}\nA,+1,Member\n# a note\n\nB,"+2,Member\nC,+3,Member\n`,
      7,
    ],
    [
      'an earlier quoted cell holds CR LF line breaks',
      `${header.replace('\n', '\r\n')}"A\r\nB\r\nC",+1,Member\r\nD,"+2,Member\r\nE,+3,Member\r\n`,
      5,
    ],
    [
      'the file is tab-separated',
      `Group Name\tPhone Number\tUser Type\nA\t+1\tMember\n"B\t+2\tMember\nC\t+3\n`,
      3,
    ],
  ])('when %s, then an unclosed quote is reported at the line it opens', async (_case, text, line) => {
    for (const chunk of [text.length, 7]) {
      const { problems } = await read(text, chunk);
      expect(problems).toEqual([
        expect.objectContaining({
          line,
          code: 'CSV_MALFORMED',
          severity: 'error',
          message: expect.stringContaining(`Line ${line} opens a quote that is never closed`),
          details: { reason: 'unclosed-quote', parser: 'CSV_QUOTE_NOT_CLOSED' },
        }),
      ]);
    }
  });

  test('when records span quoted line breaks, then each is read with the line it starts on', async () => {
    const crlf = `${header.replace('\n', '\r\n')}"A\r\nA",+1,Member\r\n"B\r\nB",+2,Member\r\nC,+3,Member\r\n`;
    const { problems, records } = await read(crlf);
    expect(problems).toEqual([]);
    expect(records.map((r) => r.line)).toEqual([1, 2, 4, 6]);
  });
});
