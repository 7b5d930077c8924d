import PDFDocument from 'pdfkit';
import type { Guide } from '../../domain/rollout/content/guide';
import { pdfFontName, registerFonts } from './fonts';
import { palette } from './poster-layout';
import { pdfBytes } from './poster-pdf';

const MARGIN = 56;

const LABEL_WIDTH = 20;

/** One list item: its label in a gutter and the text wrapped beside it, kept on one page. */
function listItem(doc: PDFKit.PDFDocument, label: string, text: string, width: number): void {
  const textWidth = width - LABEL_WIDTH;
  const height = doc.heightOfString(text, { width: textWidth, lineGap: 2 });
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const top = doc.y;
  doc.text(label, MARGIN, top, { width: LABEL_WIDTH, lineBreak: false });
  doc.text(text, MARGIN + LABEL_WIDTH, top, { width: textWidth, lineGap: 2 });
  doc.x = MARGIN;
  doc.moveDown(0.35);
}

/** A guide as an A4 PDF to print or hand out: headings, numbered steps, bullets, and page numbers. */
export function guidePdf(guide: Guide): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN + 10, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: { Title: guide.title, Creator: 'Convene' },
  });
  registerFonts(doc);
  const width = doc.page.width - 2 * MARGIN;

  doc
    .font(pdfFontName('latin', 'bold'))
    .fontSize(10)
    .fillColor(palette.accent)
    .text('CONVENE', { characterSpacing: 1 });
  doc.moveDown(0.4);
  doc.font(pdfFontName('latin', 'bold')).fontSize(24).fillColor(palette.ink).text(guide.title, { width });
  doc.moveDown(0.4);
  doc
    .font(pdfFontName('latin', 'regular'))
    .fontSize(12)
    .fillColor(palette.muted)
    .text(guide.summary, { width });

  for (const section of guide.sections) {
    doc.moveDown(1.1);
    doc
      .font(pdfFontName('latin', 'bold'))
      .fontSize(15)
      .fillColor(palette.accent)
      .text(section.heading, { width });
    doc.moveDown(0.3);
    doc.font(pdfFontName('latin', 'regular')).fontSize(11.5).fillColor(palette.ink);
    for (const paragraph of section.paragraphs ?? []) {
      doc.text(paragraph, { width, lineGap: 2 });
      doc.moveDown(0.5);
    }
    section.steps?.forEach((step, i) => {
      listItem(doc, `${i + 1}.`, step, width);
    });
    for (const bullet of section.bullets ?? []) listItem(doc, '•', bullet, width);
  }

  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.height - MARGIN + 14;
    doc.page.margins.bottom = 0;
    doc
      .font(pdfFontName('latin', 'regular'))
      .fontSize(9)
      .fillColor(palette.muted)
      .text(`${guide.title} · page ${i + 1} of ${count}`, MARGIN, bottom, {
        width,
        align: 'center',
        lineBreak: false,
      });
  }
  return pdfBytes(doc);
}
