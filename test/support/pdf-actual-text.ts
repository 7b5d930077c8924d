import { inflateSync } from 'node:zlib';

/**
 * The ActualText of every marked span in a PDF's content streams, in drawing order. Posters and slips
 * carry each line's words there, because shaped Arabic and Devanagari glyphs do not map back to the
 * characters one by one (pdf.js reads the glyphs and ignores ActualText; poppler and Acrobat use it).
 */
export function pdfActualTexts(pdf: Uint8Array): string[] {
  const bytes = Buffer.from(pdf);
  const texts: string[] = [];
  let at = 0;
  for (;;) {
    const start = bytes.indexOf('stream', at, 'latin1');
    if (start < 0) break;
    const dataStart = start + 'stream'.length + (bytes[start + 6] === 0x0d ? 2 : 1);
    const end = bytes.indexOf('endstream', dataStart, 'latin1');
    if (end < 0) break;
    at = end + 'endstream'.length;
    let content: Buffer;
    try {
      content = inflateSync(bytes.subarray(dataStart, end));
    } catch {
      continue;
    }
    let from = 0;
    for (;;) {
      const mark = content.indexOf('/ActualText (', from, 'latin1');
      if (mark < 0) break;
      const { value, next } = literalString(content, mark + '/ActualText ('.length);
      texts.push(decodeText(value));
      from = next;
    }
  }
  return texts;
}

/** A PDF literal string's bytes from just after its "(" (escapes and nested brackets undone). */
function literalString(content: Buffer, start: number): { value: Buffer; next: number } {
  const out: number[] = [];
  let depth = 0;
  const escapes: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12 };
  for (let i = start; i < content.length; i++) {
    const c = content[i]!;
    if (c === 0x5c) {
      const e = String.fromCharCode(content[++i]!);
      if (/[0-7]/.test(e)) {
        let octal = e;
        while (octal.length < 3 && /[0-7]/.test(String.fromCharCode(content[i + 1]!)))
          octal += String.fromCharCode(content[++i]!);
        out.push(Number.parseInt(octal, 8));
      } else out.push(escapes[e] ?? e.charCodeAt(0));
      continue;
    }
    if (c === 0x28) depth++;
    if (c === 0x29 && depth-- === 0) return { value: Buffer.from(out), next: i + 1 };
    out.push(c);
  }
  return { value: Buffer.from(out), next: content.length };
}

/** UTF-16BE with a byte order mark, as pdfkit writes text beyond ASCII; else PDFDocEncoding (ASCII here). */
function decodeText(value: Buffer): string {
  if (value[0] === 0xfe && value[1] === 0xff) return value.subarray(2).swap16().toString('utf16le');
  return value.toString('latin1');
}
