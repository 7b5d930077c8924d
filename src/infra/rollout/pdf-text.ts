import { type FontName, pdfFontName } from './fonts';
import type { PlacedRun } from './poster-layout';
import { BIDI_CONTROLS, mirroredForPdf } from './script-runs';

/** One line of text as runs (see script-runs.ts), its baseline at `baseline`, starting at `x`. */
export interface PdfLine {
  x: number;
  baseline: number;
  size: number;
  font: FontName;
  fill: string;
  runs: readonly PlacedRun[];
  /** The line as written (logical order), for copying and searching the PDF. */
  text: string;
}

/**
 * Draws a line run by run, each in its script's face, on one shared baseline (fonts differ in ascent).
 * fontkit, inside pdfkit, shapes each run: Arabic joins and reads right to left, Devanagari's vowel
 * signs and conjuncts take their places.
 */
export function drawPdfLine(doc: PDFKit.PDFDocument, line: PdfLine): void {
  // Shaped glyphs (Arabic joining forms, Devanagari conjuncts and reordered vowel signs) do not map back
  // to the characters one by one, so the line carries its text as ActualText: copy, search and screen
  // readers get the words as written, in reading order.
  (doc as unknown as { markContent(tag: string, options: object): void }).markContent('Span', {
    actual: line.text.replace(BIDI_CONTROLS, ''),
  });
  doc.fillColor(line.fill);
  for (const run of line.runs) {
    doc.font(pdfFontName(run.face, line.font)).fontSize(line.size);
    const options = { lineBreak: false, baseline: 'alphabetic' } as const;
    if (!run.rtl) {
      doc.text(run.text, line.x + run.dx, line.baseline, options);
      continue;
    }
    // pdfkit sets a run's words down left to right; a right-to-left run places them itself, from the
    // run's right end leftwards (each word still shaped whole, so Arabic letters join).
    let right = line.x + run.dx + run.width;
    for (const token of mirroredForPdf(run.text).split(/(\s+)/u).filter(Boolean)) {
      right -= doc.widthOfString(token);
      if (/\S/u.test(token)) doc.text(token, right, line.baseline, options);
    }
  }
  (doc as unknown as { endMarkedContent(): void }).endMarkedContent();
}
