import { CsvUnreadable } from './csv-text';
import { problem, problemCodes } from './upload-problem';

/**
 * Cells one record may have. Mapping files have a handful of columns; a line of 20 million commas
 * would otherwise become one array of 20 million cells (about 2 GB for a 50 MB file, the process
 * frozen for seconds): csv-parse's record size limit counts characters, and empty cells have none.
 */
export const MAX_CELLS_PER_RECORD = 1000;

const QUOTE = 34;
const LF = 10;
const CR = 13;
const HASH = 35;

/**
 * Counts the cells of the record being read, splitting text as csv-parse does (a quote opens a
 * quoted cell only at the cell's start, `""` inside one is a quote, a `#` line is a comment), chunk
 * by chunk before csv-parse sees it. It stops the file at the first record with too many cells, so
 * that record is never built.
 */
export class CsvCellGuard {
  private cells = 1;
  private atCellStart = true;
  private quoted = false;
  /** Inside a quoted cell, the last character was a quote: escaped if a quote follows, else closing. */
  private quoteSeen = false;
  private comment = false;
  private line = 1;
  private readonly delimiter: number;

  constructor(delimiter: string) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  /** Reads the next chunk of text; throws `CsvUnreadable` once a record passes the limit. */
  scan(text: string): void {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === LF) this.line++;
      if (this.quoted) {
        if (!this.quoteSeen) {
          if (c === QUOTE) this.quoteSeen = true;
          continue;
        }
        this.quoteSeen = false;
        if (c === QUOTE) continue;
        this.quoted = false;
        this.atCellStart = false;
      }
      if (c === LF || c === CR) {
        this.cells = 1;
        this.atCellStart = true;
        this.comment = false;
      } else if (!this.comment) {
        this.unquoted(c);
      }
    }
  }

  /** A character outside quotes and comments: a delimiter, an opening quote, a comment's `#`, or text. */
  private unquoted(c: number): void {
    if (c === this.delimiter) {
      if (++this.cells > MAX_CELLS_PER_RECORD) throw tooManyCells(this.line);
      this.atCellStart = true;
    } else if (c === QUOTE && this.atCellStart) {
      this.quoted = true;
      this.atCellStart = false;
    } else if (c === HASH && this.atCellStart && this.cells === 1) {
      this.comment = true;
    } else {
      this.atCellStart = false;
    }
  }
}

const tooManyCells = (line: number) =>
  new CsvUnreadable(
    problem(
      line,
      null,
      problemCodes.malformed,
      'error',
      `Line ${line} has more than ${MAX_CELLS_PER_RECORD.toLocaleString('en-US')} cells, so the file is not read further. Check that it is the mapping file, with one row per line.`,
      { reason: 'too-many-cells', maxCells: MAX_CELLS_PER_RECORD },
    ),
  );
