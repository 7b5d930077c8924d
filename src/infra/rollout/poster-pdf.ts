import PDFDocument from 'pdfkit';
import { registerFonts } from './fonts';
import { drawPdfLine } from './pdf-text';
import type { PosterLayout } from './poster-layout';

/** Collects a pdfkit document's output into one buffer. */
export function pdfBytes(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/** Draws a poster layout as a one-page A4 PDF with the fonts embedded (subset), ready to print. */
export function posterPdf(layout: PosterLayout, title: string): Promise<Uint8Array> {
  const doc = posterDocument(title);
  drawPoster(doc, layout);
  return pdfBytes(doc);
}

/** An A4 document with Convene's fonts registered, as every poster-like PDF starts. */
export function posterDocument(title: string): PDFKit.PDFDocument {
  const doc = new PDFDocument({ size: 'A4', margin: 0, info: { Title: title, Creator: 'Convene' } });
  registerFonts(doc);
  return doc;
}

/** Draws a poster layout at the document's current transform (the table tent scales and turns it). */
export function drawPoster(doc: PDFKit.PDFDocument, layout: PosterLayout): void {
  for (const op of layout.ops) {
    switch (op.op) {
      case 'rect':
        (op.radius
          ? doc.roundedRect(op.x, op.y, op.w, op.h, op.radius)
          : doc.rect(op.x, op.y, op.w, op.h)
        ).fill(op.fill);
        break;
      case 'circle':
        doc.circle(op.cx, op.cy, op.r).fill(op.fill);
        break;
      case 'polygon':
        doc.polygon(...op.points).fill(op.fill);
        break;
      case 'text':
        drawPdfLine(doc, { ...op, baseline: op.y + op.ascent });
        break;
      case 'qr': {
        const unit = op.size / op.matrix.size;
        for (let y = 0; y < op.matrix.size; y++) {
          for (let x = 0; x < op.matrix.size; x++) {
            if (op.matrix.dark(x, y)) doc.rect(op.x + x * unit, op.y + y * unit, unit, unit);
          }
        }
        doc.fill(op.fill);
        break;
      }
      case 'image':
        doc.image(Buffer.from(op.jpeg), op.x, op.y, { width: op.size, height: op.size });
        break;
    }
  }
}
