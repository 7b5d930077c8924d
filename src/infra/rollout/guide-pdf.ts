import PDFDocument from 'pdfkit';
import type { Guide } from '../../domain/rollout/content/guide';
import { translatorFor } from '../../i18n/translator';
import type { FontName } from './fonts';
import { registerFonts } from './fonts';
import { drawPdfLine } from './pdf-text';
import { palette, textMeasure } from './poster-layout';
import { pdfBytes } from './poster-pdf';

const MARGIN = 56;
const LABEL_WIDTH = 22;

interface Style {
  size: number;
  font: FontName;
  fill: string;
  leading: number;
}

const styles = {
  brand: { size: 10, font: 'bold', fill: palette.accent, leading: 1.6 },
  title: { size: 24, font: 'bold', fill: palette.ink, leading: 1.3 },
  summary: { size: 12, font: 'regular', fill: palette.muted, leading: 1.45 },
  heading: { size: 15, font: 'bold', fill: palette.accent, leading: 1.4 },
  body: { size: 11.5, font: 'regular', fill: palette.ink, leading: 1.5 },
  footer: { size: 9, font: 'regular', fill: palette.muted, leading: 1.2 },
} as const satisfies Record<string, Style>;

/**
 * Sets a guide down line by line: each line wrapped with the fonts the PDF embeds and drawn run by run in
 * its script's face (see pdf-text.ts), so Hindi shapes and Arabic reads right to left, from the right
 * margin, with its numbers and bullets in the right-hand gutter.
 */
class GuideWriter {
  private readonly m = textMeasure();
  y = MARGIN;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly dir: 'ltr' | 'rtl',
    private readonly width: number,
  ) {}

  private get bottom(): number {
    return this.doc.page.height - MARGIN - 10;
  }

  private lines(text: string, style: Style, width: number): string[] {
    return this.m.wrap(text, style.font, style.size, width);
  }

  private line(text: string, style: Style, left: number, width: number, baselineTop: number): void {
    const runs = this.m.runs(text, style.font, style.size, this.dir);
    const lineWidth = runs.reduce((sum, run) => sum + run.width, 0);
    drawPdfLine(this.doc, {
      x: this.dir === 'rtl' ? left + width - lineWidth : left,
      baseline: baselineTop + this.m.ascent(style.font, style.size),
      size: style.size,
      font: style.font,
      fill: style.fill,
      runs,
      text,
    });
  }

  /** Room for `height` more points on this page, else a new page. */
  private room(height: number): void {
    if (this.y + height > this.bottom) {
      this.doc.addPage();
      this.y = MARGIN;
    }
  }

  block(text: string, style: Style, keepWith = 0): void {
    const lineHeight = style.size * style.leading;
    const lines = this.lines(text, style, this.width);
    this.room(Math.min(lines.length, 2) * lineHeight + keepWith);
    for (const line of lines) {
      this.room(lineHeight);
      this.line(line, style, MARGIN, this.width, this.y);
      this.y += lineHeight;
    }
  }

  /** One list item: its label in the gutter (left, or right in Arabic) and the text beside it, on one page. */
  item(label: string, text: string, style: Style): void {
    const lineHeight = style.size * style.leading;
    const textWidth = this.width - LABEL_WIDTH;
    const lines = this.lines(text, style, textWidth);
    this.room(lines.length * lineHeight);
    const rtl = this.dir === 'rtl';
    this.line(label, style, rtl ? MARGIN + textWidth : MARGIN, LABEL_WIDTH, this.y);
    for (const line of lines) {
      this.line(line, style, rtl ? MARGIN : MARGIN + LABEL_WIDTH, textWidth, this.y);
      this.y += lineHeight;
    }
    this.y += style.size * 0.35;
  }

  gap(points: number): void {
    this.y += points;
  }

  /** A centred line at a fixed place (the page footer). */
  centred(text: string, style: Style, top: number): void {
    const runs = this.m.runs(text, style.font, style.size, this.dir);
    const lineWidth = runs.reduce((sum, run) => sum + run.width, 0);
    drawPdfLine(this.doc, {
      x: MARGIN + (this.width - lineWidth) / 2,
      baseline: top + this.m.ascent(style.font, style.size),
      size: style.size,
      font: style.font,
      fill: style.fill,
      runs,
      text,
    });
  }
}

/**
 * A guide as an A4 PDF to print or hand out, in the guide's language: headings, numbered steps, bullets,
 * and page numbers ("page 1 of 2", in the same language).
 */
export function guidePdf(guide: Guide): Promise<Uint8Array> {
  const t = translatorFor(guide.locale);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: 0, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: { Title: guide.title, Creator: 'Convene' },
    lang: guide.locale,
  });
  registerFonts(doc);
  const width = doc.page.width - 2 * MARGIN;
  const w = new GuideWriter(doc, guide.dir, width);

  w.block('CONVENE', styles.brand);
  w.gap(4);
  w.block(guide.title, styles.title);
  w.gap(6);
  w.block(guide.summary, styles.summary);

  for (const section of guide.sections) {
    w.gap(16);
    w.block(section.heading, styles.heading, styles.body.size * styles.body.leading * 2);
    w.gap(4);
    for (const paragraph of section.paragraphs ?? []) {
      w.block(paragraph, styles.body);
      w.gap(6);
    }
    section.steps?.forEach((step, i) => {
      w.item(`${t.number(i + 1)}.`, step, styles.body);
    });
    for (const bullet of section.bullets ?? []) w.item('•', bullet, styles.body);
  }

  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    w.centred(
      t.t('print.guide.pageFooter', { title: guide.title, page: i + 1, pages: count }),
      styles.footer,
      doc.page.height - MARGIN + 10,
    );
  }
  return pdfBytes(doc);
}
