import { TextDecoder } from 'node:util';
import { type Problem, problem, problemCodes } from './upload-problem';

/** Raised when the bytes cannot be read as CSV text at all; carries the problem to report. */
export class CsvUnreadable extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message);
  }
}

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

const startsWith = (buffer: Buffer, bytes: number[]): boolean => bytes.every((b, i) => buffer[i] === b);

function sniff(head: Buffer): Encoding {
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new CsvUnreadable(
      problem(
        null,
        null,
        problemCodes.spreadsheet,
        'error',
        'This is an Excel workbook, not a CSV file: in Excel choose File › Save As › "CSV UTF-8 (Comma delimited)" and upload that.',
      ),
    );
  }
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return 'utf-8';
  if (startsWith(head, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(head, [0xfe, 0xff])) return 'utf-16be';
  return 'utf-8';
}

const notText = (): CsvUnreadable =>
  new CsvUnreadable(
    problem(
      null,
      null,
      problemCodes.notText,
      'error',
      'The file contains binary data (zero bytes): it is not a CSV text file. UTF-16 files need a byte order mark; in Excel save as "CSV UTF-8" or "Unicode Text".',
    ),
  );

/**
 * Decodes an uploaded file to text as it streams in. The byte order mark decides between UTF-8,
 * UTF-16 LE and UTF-16 BE (Excel's "Unicode Text"); without one the file must be valid UTF-8.
 * Anything else (Windows-1252 from old Excel versions, a workbook, binary data) is refused with a
 * problem saying how to save the file properly, instead of silently garbling names.
 */
export async function* decodeCsvText(bytes: AsyncIterable<Buffer | Uint8Array>): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined;
  let encoding: Encoding = 'utf-8';
  let pending: Buffer = Buffer.alloc(0);
  let offset = 0;
  for await (const raw of bytes) {
    let chunk = Buffer.isBuffer(raw) ? raw : Buffer.from(raw);
    if (!decoder) {
      pending = Buffer.concat([pending, chunk]);
      if (pending.length < 4) continue;
      encoding = sniff(pending);
      decoder = new TextDecoder(encoding, { fatal: true });
      chunk = pending;
    }
    // A zero byte never appears in UTF-8 text; in UTF-16 it is every other byte of Latin text.
    if (encoding === 'utf-8' && chunk.indexOf(0) >= 0) throw notText();
    yield decode(decoder, chunk, offset, encoding);
    offset += chunk.length;
  }
  if (!decoder) {
    if (pending.length === 0) return;
    encoding = sniff(pending);
    decoder = new TextDecoder(encoding, { fatal: true });
    if (encoding === 'utf-8' && pending.indexOf(0) >= 0) throw notText();
    yield decode(decoder, pending, 0, encoding);
  }
  const rest = decode(decoder, undefined, offset, encoding);
  if (rest !== '') yield rest;
}

function decode(decoder: TextDecoder, chunk: Buffer | undefined, offset: number, encoding: Encoding): string {
  try {
    return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
  } catch {
    throw new CsvUnreadable(
      problem(
        null,
        null,
        problemCodes.encoding,
        'error',
        encoding === 'utf-8'
          ? `The file is not UTF-8 text${offset > 0 ? ` (from about byte ${offset} on)` : ''}. In Excel choose "CSV UTF-8 (Comma delimited)" when saving; other encodings would garble names.`
          : `The file announces ${encoding.toUpperCase()} but is not valid ${encoding.toUpperCase()} text near byte ${offset}.`,
        { encoding, nearByte: offset },
      ),
    );
  }
}
