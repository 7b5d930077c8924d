import PDFDocument from 'pdfkit';
import { PNG } from 'pngjs';
import { SLIPS_PER_PAGE, type SlipSheetSpec, type SlipSpec } from '../../domain/slips/slip';
import { type FontName, registerFonts } from './fonts';
import { drawPdfLine } from './pdf-text';
import { palette, textMeasure } from './poster-layout';
import { pdfBytes } from './poster-pdf';
import { type QrMatrix, qrMatrix } from './qr-code';
import { type Box, CONTENT_X, cutLines, FOOTER_Y, PAGE, qrBoxes, SLIP, slipBox } from './slips-layout';

/** An image embedded once and placed many times. */
type Image = PDFKit.Mixins.ImageSrc;

/** pdfkit's `openImage` (public in pdfkit, missing from its type definitions). */
const openImage = (doc: PDFKit.PDFDocument, png: Buffer): Image =>
  (doc as unknown as { openImage(src: Buffer): Image }).openImage(png);

/**
 * Onboarding slips, eight to an A4 page with dashed cut lines. Each distinct QR code (the Teams link,
 * one join page per group) is embedded once as an image and placed on every slip that shows it, so a
 * sheet of 500 slips stays small and quick to print.
 */
export async function slipsPdf(sheet: SlipSheetSpec): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    autoFirstPage: false,
    info: { Title: sheet.title, Creator: 'Convene' },
  });
  registerFonts(doc);
  const images = new Map<string, Image>();
  const qrImage = (url: string): Image => {
    let image = images.get(url);
    if (!image) {
      image = openImage(doc, qrPng(qrMatrix(url)));
      images.set(url, image);
    }
    return image;
  };
  const teams = qrImage(sheet.getTeamsUrl);

  for (let i = 0; i < sheet.slips.length; i++) {
    const onPage = i % SLIPS_PER_PAGE;
    if (onPage === 0) startPage(doc, sheet);
    drawSlip(doc, sheet, sheet.slips[i]!, slipBox(onPage), teams, qrImage(sheet.slips[i]!.joinUrl));
  }
  return pdfBytes(doc);
}

function startPage(doc: PDFKit.PDFDocument, sheet: SlipSheetSpec): void {
  doc.addPage();
  doc.save().lineWidth(0.6).dash(4, { space: 3 }).strokeColor('#9AA0A6');
  for (const [x1, y1, x2, y2] of cutLines()) doc.moveTo(x1, y1).lineTo(x2, y2);
  doc.stroke().undash().restore();
  writeLine(doc, sheet.dir, `✂  ${sheet.words.footer}`, {
    x: CONTENT_X,
    y: FOOTER_Y,
    width: PAGE.width - 2 * CONTENT_X,
    font: 'regular',
    size: 7.5,
    fill: palette.muted,
    align: 'center',
  });
}

interface LineAt {
  x: number;
  /** The top of the line box. */
  y: number;
  width: number;
  font: FontName;
  size: number;
  fill: string;
  align?: 'start' | 'center';
}

/**
 * One line of a slip, each script in its face, cut with an ellipsis if wider than its box; it starts at
 * the box's left, or its right on a right-to-left sheet.
 */
function writeLine(doc: PDFKit.PDFDocument, dir: 'ltr' | 'rtl', text: string, at: LineAt): void {
  const m = textMeasure();
  const shown = fitted(text, at, dir);
  const runs = m.runs(shown, at.font, at.size, dir);
  const lineWidth = runs.reduce((sum, run) => sum + run.width, 0);
  const x =
    at.align === 'center'
      ? at.x + (at.width - lineWidth) / 2
      : dir === 'rtl'
        ? at.x + at.width - lineWidth
        : at.x;
  drawPdfLine(doc, {
    x,
    baseline: at.y + m.ascent(at.font, at.size),
    size: at.size,
    font: at.font,
    fill: at.fill,
    runs,
    text: shown,
  });
}

function drawSlip(
  doc: PDFKit.PDFDocument,
  sheet: SlipSheetSpec,
  slip: SlipSpec,
  box: Box,
  teams: Image,
  join: Image,
): void {
  const x = box.x + SLIP.padding;
  const width = box.width - 2 * SLIP.padding;
  const dir = sheet.dir;
  const line = (text: string, y: number, font: FontName, size: number, fill: string) =>
    writeLine(doc, dir, text, { x, y: box.y + y, width, font, size, fill });
  line(sheet.kicker.toUpperCase(), 14, 'bold', 7, palette.accent);
  line(slip.name, 25, 'bold', shrunk(slip.name, 'bold', width, 14, 10), palette.ink);
  line(slip.groupLine, 44, 'regular', 8.5, palette.muted);
  line(sheet.words.signInLabel, 58, 'regular', 7, palette.muted);
  if (slip.signInName) {
    // A sign-in name is never cut short: it shrinks to fit, down to a size still read at arm's length,
    // and past that takes a second line. It is an address, so it always reads left to right.
    const size = shrunk(slip.signInName, 'bold', width, 10.5, 6.5);
    textMeasure()
      .wrap(slip.signInName, 'bold', size, width)
      .slice(0, 2)
      .forEach((part, i) => {
        writeLine(doc, 'ltr', part, {
          x: dir === 'rtl' ? x + width - textMeasure().width(part, 'bold', size) : x,
          y: box.y + 67 + i * size * 1.15,
          width,
          font: 'bold',
          size,
          fill: palette.ink,
        });
      });
  } else {
    line(sheet.words.signInUnknown, 67, 'regular', 9, palette.ink);
  }
  line(slip.howToSignIn, 84, 'regular', shrunk(slip.howToSignIn, 'regular', width, 8.5, 6.5), palette.ink);

  const qrs = qrBoxes(box);
  const half = width / 2;
  // Get Teams comes first in reading order: on the left, or on the right of a right-to-left slip.
  const [first, second] = dir === 'rtl' ? [qrs.join, qrs.getTeams] : [qrs.getTeams, qrs.join];
  const caption = (qr: Box, image: Image, left: number, words: { caption: string; hint: string }) => {
    doc.image(image, qr.x, qr.y, { width: qr.width, height: qr.height });
    const under = { x: left + 2, width: half - 4, align: 'center' as const };
    writeLine(doc, dir, words.caption, {
      ...under,
      y: qr.y + qr.height + 4,
      font: 'bold',
      size: 7.5,
      fill: palette.ink,
    });
    writeLine(doc, dir, words.hint, {
      ...under,
      y: qr.y + qr.height + 13,
      font: 'regular',
      size: 6.5,
      fill: palette.muted,
    });
  };
  caption(first, teams, dir === 'rtl' ? x + half : x, sheet.words.getTeams);
  caption(second, join, dir === 'rtl' ? x : x + half, sheet.words.join);
}

/** Eight pixels a module, greyscale without alpha (one image object in the PDF, no soft mask). */
function qrPng(matrix: QrMatrix): Buffer {
  const scale = 8;
  const side = matrix.size * scale;
  const png = new PNG({ width: side, height: side, colorType: 0, inputColorType: 0, inputHasAlpha: false });
  png.data = Buffer.alloc(side * side, 0xff);
  for (let y = 0; y < side; y++)
    for (let x = 0; x < side; x++)
      if (matrix.dark(Math.floor(x / scale), Math.floor(y / scale))) png.data[y * side + x] = 0;
  return PNG.sync.write(png, { colorType: 0, inputColorType: 0, inputHasAlpha: false });
}

/** The text, cut with an ellipsis if it is wider than its box. */
function fitted(text: string, at: LineAt, dir: 'ltr' | 'rtl'): string {
  const m = textMeasure();
  if (m.width(text, at.font, at.size, dir) <= at.width) return text;
  const chars = [...text];
  while (chars.length > 1 && m.width(`${chars.join('')}…`, at.font, at.size, dir) > at.width) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

/** The largest size from `max` down to `min` at which the text fits on one line (else `min`). */
function shrunk(text: string, font: FontName, width: number, max: number, min: number): number {
  const m = textMeasure();
  for (let size = max; size > min; size -= 0.5) {
    if (m.width(text, font, size) <= width) return size;
  }
  return min;
}
