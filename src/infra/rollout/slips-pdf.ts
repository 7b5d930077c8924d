import PDFDocument from 'pdfkit';
import { PNG } from 'pngjs';
import { SLIPS_PER_PAGE, type SlipSheetSpec, type SlipSpec } from '../../domain/slips/slip';
import { fontFiles } from './fonts';
import { palette } from './poster-layout';
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
  for (const [name, file] of Object.entries(fontFiles)) doc.registerFont(name, file);
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
  doc
    .font('regular')
    .fontSize(7.5)
    .fillColor(palette.muted)
    .text(`✂  ${sheet.words.footer}`, CONTENT_X, FOOTER_Y, {
      width: PAGE.width - 2 * CONTENT_X,
      align: 'center',
      lineBreak: false,
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
  const line = (text: string, y: number, font: 'regular' | 'bold', size: number, colour: string) => {
    doc.font(font).fontSize(size).fillColor(colour);
    doc.text(fitted(doc, text, width), x, box.y + y, { lineBreak: false });
  };
  line(sheet.kicker.toUpperCase(), 14, 'bold', 7, palette.accent);
  line(slip.name, 25, 'bold', shrunk(doc.font('bold'), slip.name, width, 14, 10), palette.ink);
  line(`Group: ${slip.groupName}`, 44, 'regular', 8.5, palette.muted);
  line(sheet.words.signInLabel, 58, 'regular', 7, palette.muted);
  if (slip.signInName) {
    // A sign-in name is never cut short: it shrinks to fit, down to a size still read at arm's length.
    doc
      .font('bold')
      .fontSize(shrunk(doc, slip.signInName, width, 10.5, 6.5))
      .fillColor(palette.ink);
    doc.text(slip.signInName, x, box.y + 67, { width, lineBreak: true, height: 18 });
  } else {
    line(sheet.words.signInUnknown, 67, 'regular', 9, palette.ink);
  }
  doc
    .font('regular')
    .fontSize(shrunk(doc, slip.howToSignIn, width, 8.5, 6.5))
    .fillColor(palette.ink);
  doc.text(slip.howToSignIn, x, box.y + 84, { lineBreak: false });

  const qrs = qrBoxes(box);
  const half = width / 2;
  const caption = (qr: Box, left: number, words: { caption: string; hint: string }) => {
    doc.image(qr === qrs.getTeams ? teams : join, qr.x, qr.y, { width: qr.width, height: qr.height });
    doc.font('bold').fontSize(7.5).fillColor(palette.ink);
    doc.text(fitted(doc, words.caption, half - 4), left, qr.y + qr.height + 4, {
      width: half,
      align: 'center',
      lineBreak: false,
    });
    doc.font('regular').fontSize(6.5).fillColor(palette.muted);
    doc.text(fitted(doc, words.hint, half - 4), left, qr.y + qr.height + 13, {
      width: half,
      align: 'center',
      lineBreak: false,
    });
  };
  caption(qrs.getTeams, x, sheet.words.getTeams);
  caption(qrs.join, x + half, sheet.words.join);
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

/** The text, cut with an ellipsis if it is wider than `width` in the current font. */
function fitted(doc: PDFKit.PDFDocument, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  const chars = [...text];
  while (chars.length > 1 && doc.widthOfString(`${chars.join('')}…`) > width) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

/** The largest size from `max` down to `min` at which the text fits on one line (else `min`, wrapped). */
function shrunk(doc: PDFKit.PDFDocument, text: string, width: number, max: number, min: number): number {
  for (let size = max; size > min; size -= 0.5) {
    if (doc.fontSize(size).widthOfString(text) <= width) return size;
  }
  return min;
}
