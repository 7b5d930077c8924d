import { Readable } from 'node:stream';
import { type CsvError, parse } from 'csv-parse';
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
  });
  // The furthest record (read or skipped) csv-parse has reported, in its own line count, with the comment
  // and blank lines it had counted by then: where a quote left open at the end of the file began.
  const last = { lines: 0, comments: 0, blanks: 0 };
  const reached = (lines: number, comments = 0, blanks = 0) => {
    if (lines <= last.lines) return;
    last.lines = lines;
    last.comments = comments;
    last.blanks = blanks;
  };
  let unclosed: SkipError | undefined;
  parser.on('skip', (error: SkipError) => {
    // Raised at the end of the file, possibly before the loop below has read the records buffered ahead
    // of it: reported once they are read, at the line where the quote opened.
    if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
      unclosed = error;
      return;
    }
    const line = typeof error.lines === 'number' ? error.lines : null;
    if (line !== null) reached(line, error.comment_lines, error.empty_lines);
    options.onProblem(
      problem(
        line,
        null,
        problemCodes.malformed,
        'error',
        `Line ${line ?? '?'} cannot be read as CSV: ${error.message}. Put values containing commas, quotes or line breaks in double quotes, and double any quote inside them ("").`,
        { reason: 'unreadable', parser: error.code },
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
  // csv-parse counts a quoted CR LF as two lines; this many lines it has over-counted so far.
  let overCounted = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number; comment_lines: number; empty_lines: number };
    }>) {
      const breaks = embeddedLineBreaks(record);
      overCounted += breaks.crlf;
      reached(info.lines, info.comment_lines, info.empty_lines);
      yield { line: info.lines - overCounted - breaks.lf, cells: record };
    }
    if (unclosed) options.onProblem(unclosedQuote(unclosed, last, overCounted));
  } finally {
    // Stopped early (a bad header, an unreadable line) or done: the text's source, and so the file
    // it reads, is closed rather than left waiting for a reader that will never come.
    input.destroy();
    await source.return(undefined);
  }
}

/** What csv-parse's skip errors carry besides the message. */
type SkipError = CsvError & { lines?: number; comment_lines?: number; empty_lines?: number };

/**
 * A quote opened and never closed: csv-parse names the end of the file, but the quote opened on the
 * first line after the last record that is neither a comment nor blank.
 */
function unclosedQuote(
  error: SkipError,
  last: { lines: number; comments: number; blanks: number },
  overCounted: number,
): Problem {
  const skipped = (error.comment_lines ?? 0) - last.comments + (error.empty_lines ?? 0) - last.blanks;
  const opened = last.lines - overCounted + 1 + skipped;
  return problem(
    opened,
    null,
    problemCodes.malformed,
    'error',
    `Line ${opened} opens a quote that is never closed, so the rest of the file cannot be read. Close the quote, or remove it if the value needs none.`,
    { reason: 'unclosed-quote', parser: error.code },
  );
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
