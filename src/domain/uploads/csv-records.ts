import { Readable } from 'node:stream';
import { type CsvError, type Options, parse } from 'csv-parse';
import { CsvCellGuard } from './csv-cell-guard';
import { type Problem, problem, problemCodes } from './upload-problem';

/** One CSV record with the line it starts on (1-based, counting comment and blank lines). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

export interface CsvReadOptions {
  /** The longest record accepted, in characters (guards memory against a runaway quote). */
  maxRecordChars: number;
  onProblem(problem: Problem): void;
}

/** Lines starting with `#` carry the template's instructions; anywhere else `#` is just a character. */
const commentPrefix = '#';

/**
 * Streams CSV records out of decoded text with csv-parse. Records csv-parse cannot read (a stray
 * quote, a record over the size limit) are reported with csv-parse's own position and skipped, so one
 * bad line does not hide the problems after it. A header of tab-separated cells (Excel's "Unicode
 * Text") switches the delimiter to tab.
 */
export async function* readCsvRecords(
  text: AsyncIterable<string>,
  options: CsvReadOptions,
): AsyncGenerator<CsvRecord> {
  const source = withDelimiter(text);
  const first = await source.next();
  if (first.done) return;
  const { delimiter, head } = first.value as { delimiter: string; head: string };
  // Where the last record (read or skipped) ended, in the file's own lines, and the comment and blank
  // lines csv-parse had counted by then: a quote left open is reported where its record starts.
  const last = { line: 0, comments: 0, blanks: 0 };
  // csv-parse counts a quoted CR LF as two lines; this many lines it has over-counted so far.
  let overCounted = 0;
  const parser = parse({
    bom: true,
    info: true,
    delimiter,
    comment: commentPrefix,
    comment_no_infix: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    // A quote inside an unquoted value is kept as written, as Excel and Google Sheets read it.
    relax_quotes: true,
    max_record_size: options.maxRecordChars,
    // Runs in step with the parser (the loop below may be records behind), so `last` is current when a
    // later record is skipped. With `info: true` the record comes wrapped with its info (csv-parse's
    // types do not say so).
    on_record: ((read: ParsedRecord) => {
      const breaks = embeddedLineBreaks(read.record);
      overCounted += breaks.crlf;
      const end = read.info.lines - overCounted;
      read.line = end - breaks.lf;
      Object.assign(last, { line: end, comments: read.info.comment_lines, blanks: read.info.empty_lines });
      return read;
    }) as unknown as Options['on_record'],
  });
  const fix =
    'Put values containing commas, quotes or line breaks in double quotes, and double any quote inside them ("").';
  parser.on('skip', (error: CsvError & SkipInfo) => {
    if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
      // csv-parse names the end of the file; the quote opened on the first line after the last record
      // that is not a comment or blank line.
      const opened =
        last.line + 1 + (error.comment_lines ?? 0) - last.comments + (error.empty_lines ?? 0) - last.blanks;
      options.onProblem(
        problem(
          opened,
          null,
          problemCodes.malformed,
          'error',
          `Line ${opened} opens a quote that is never closed, so the rest of the file cannot be read. ${fix}`,
          { parser: error.code },
        ),
      );
      return;
    }
    const line = typeof error.lines === 'number' ? error.lines - overCounted : null;
    if (line !== null)
      Object.assign(last, { line, comments: error.comment_lines, blanks: error.empty_lines });
    options.onProblem(
      problem(
        line,
        null,
        problemCodes.malformed,
        'error',
        `Line ${line ?? '?'} cannot be read as CSV: ${error.message}. ${fix}`,
        { parser: error.code },
      ),
    );
  });
  const cells = new CsvCellGuard(delimiter);
  const rest = (async function* () {
    cells.scan(head);
    yield head;
    for await (const chunk of source) {
      cells.scan(chunk as string);
      yield chunk as string;
    }
  })();
  const input = Readable.from(rest, { objectMode: false });
  input.on('error', (error) => parser.destroy(error)).pipe(parser);
  try {
    for await (const { record, line } of parser as AsyncIterable<ParsedRecord>) {
      yield { line: line!, cells: record };
    }
  } finally {
    // Stopped early (a bad header, an unreadable line) or done: the text's source, and so the file
    // it reads, is closed rather than left waiting for a reader that will never come.
    input.destroy();
    await source.return(undefined);
  }
}

/** A record as csv-parse hands it on (with `info: true`), and the line it starts on, set by `on_record`. */
interface ParsedRecord {
  record: string[];
  info: { lines: number; comment_lines: number; empty_lines: number };
  line?: number;
}

/** What csv-parse's skip errors carry besides the message. */
interface SkipInfo {
  lines?: number;
  comment_lines?: number;
  empty_lines?: number;
}

/** csv-parse reports the line a record ends on; quoted line breaks inside it move the start up. */
function embeddedLineBreaks(cells: string[]): { lf: number; crlf: number } {
  let lf = 0;
  let crlf = 0;
  for (const cell of cells) {
    let at = cell.indexOf('\n');
    while (at >= 0) {
      lf++;
      if (at > 0 && cell.charCodeAt(at - 1) === 13) crlf++;
      at = cell.indexOf('\n', at + 1);
    }
  }
  return { lf, crlf };
}

/** Reads ahead to the header line to choose the delimiter, then hands on every chunk untouched. */
async function* withDelimiter(
  text: AsyncIterable<string>,
): AsyncGenerator<{ delimiter: string; head: string } | string> {
  const iterator = text[Symbol.asyncIterator]();
  try {
    let head = '';
    let decided = false;
    while (!decided) {
      const next = await iterator.next();
      if (next.done) break;
      head += next.value;
      decided = headerLine(head) !== undefined || head.length > 1_000_000;
    }
    if (head === '') return;
    const header = headerLine(head) ?? head;
    yield { delimiter: header.includes('\t') && !header.includes(',') ? '\t' : ',', head };
    while (true) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  } finally {
    // Iterated by hand, so closing it early is ours to pass on (a for-await would do it itself).
    await iterator.return?.();
  }
}

/** The first complete line that is neither blank nor a comment, if the text has one yet. */
function headerLine(text: string): string | undefined {
  let start = 0;
  while (true) {
    const end = text.indexOf('\n', start);
    if (end < 0) return undefined;
    const line = text
      .slice(start, end)
      .replace(/^\uFEFF/, '')
      .trim();
    if (line !== '' && !line.startsWith(commentPrefix)) return line;
    start = end + 1;
  }
}
