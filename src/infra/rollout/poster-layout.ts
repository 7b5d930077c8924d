import PDFDocument from 'pdfkit';
import type { PosterSpec } from '../../domain/rollout/rollout.ports';
import { type FontName, pdfFontName, registerFonts } from './fonts';
import { type QrMatrix, qrMatrix } from './qr-code';
import { type TextRun, textRuns } from './script-runs';

/**
 * A poster laid out once, in PDF points on an A4 page, and then drawn by both renderers (PDF and PNG),
 * so the printed and the shared poster are the same picture. Text is already broken into lines.
 */
export type PosterOp =
  | { op: 'rect'; x: number; y: number; w: number; h: number; radius?: number; fill: string }
  | { op: 'circle'; cx: number; cy: number; r: number; fill: string }
  | { op: 'polygon'; points: [number, number][]; fill: string }
  /**
   * One line of text. `y` is the top of the line box; `ascent` is how far below it the baseline sits.
   * `runs` are the line's runs in visual order, each starting `dx` points right of `x`.
   */
  | {
      op: 'text';
      x: number;
      y: number;
      ascent: number;
      size: number;
      font: FontName;
      fill: string;
      text: string;
      /** The line's width in points (the sum of its runs'). */
      width: number;
      runs: PlacedRun[];
    }
  | { op: 'qr'; x: number; y: number; size: number; matrix: QrMatrix; fill: string }
  /** A square JPEG (a group's photo), drawn `size` points wide and high. */
  | { op: 'image'; x: number; y: number; size: number; jpeg: Uint8Array };

/** A run of a line: where it starts, in points from the line's left edge, and how wide it is. */
export type PlacedRun = TextRun & { dx: number; width: number };

export interface PosterLayout {
  /** The poster's language direction: right-to-left posters align their text to the right. */
  dir?: 'ltr' | 'rtl';
  width: number;
  height: number;
  ops: PosterOp[];
}

export const palette = {
  accent: '#0E7A6D',
  ink: '#1B1F23',
  muted: '#5A6169',
  paper: '#FFFFFF',
  wash: '#E7F3F1',
};

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 48;

/**
 * Measures text with the same font files the renderers embed, so lines break where they will be drawn;
 * each run of a line is measured in its script's face.
 */
export class TextMeasure {
  private readonly doc = new PDFDocument({ size: 'A4', autoFirstPage: false });

  constructor() {
    registerFonts(this.doc);
  }

  width(text: string, font: FontName, size: number, dir: 'ltr' | 'rtl' = 'ltr'): number {
    return this.runs(text, font, size, dir).reduce((sum, run) => sum + run.width, 0);
  }

  /** The line's runs in visual order, each with its offset from the line's left edge and its width. */
  runs(text: string, font: FontName, size: number, dir: 'ltr' | 'rtl'): PlacedRun[] {
    let dx = 0;
    return textRuns(text, dir).map((run) => {
      const width = this.doc.font(pdfFontName(run.face, font)).fontSize(size).widthOfString(run.text);
      const placed = { ...run, dx, width };
      dx += width;
      return placed;
    });
  }

  ascent(font: FontName, size: number): number {
    // The Latin face sets the baseline for every script, so mixed lines share one baseline.
    this.doc.font(pdfFontName('latin', font)).fontSize(size);
    // biome-ignore lint/suspicious/noExplicitAny: pdfkit exposes the current font's metrics only internally.
    return ((this.doc as any)._font.ascender / 1000) * size;
  }

  /** Greedy word wrap; a word longer than the line (a long link) is broken between characters. */
  wrap(text: string, font: FontName, size: number, maxWidth: number): string[] {
    const lines: string[] = [];
    let line = '';
    for (const word of text.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (this.width(candidate, font, size) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = '';
      let rest = word;
      while (this.width(rest, font, size) > maxWidth) {
        let cut = rest.length - 1;
        while (cut > 1 && this.width(rest.slice(0, cut), font, size) > maxWidth) cut--;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    if (line) lines.push(line);
    return lines;
  }
}

let measure: TextMeasure | undefined;

/** The one text measure, made on first use (it loads the font files). */
export const textMeasure = (): TextMeasure => {
  measure ??= new TextMeasure();
  return measure;
};

interface Block {
  ops: PosterOp[];
  bottom: number;
}

/** Where and how a block of text is placed. */
export interface TextAt {
  x: number;
  y: number;
  width: number;
  size: number;
  font: FontName;
  fill: string;
  leading?: number;
  /** `start` is the left edge in a left-to-right layout and the right edge in a right-to-left one. */
  align?: 'start' | 'left' | 'center';
  dir?: 'ltr' | 'rtl';
}

/** Lines of wrapped text placed from (x, y), aligned to the start (left, or right in RTL) or centred. */
export function textBlock(m: TextMeasure, text: string, at: TextAt): Block {
  const lineHeight = at.size * (at.leading ?? 1.3);
  const ascent = m.ascent(at.font, at.size);
  const dir = at.dir ?? 'ltr';
  const ops: PosterOp[] = m.wrap(text, at.font, at.size, at.width).map((line, i) => {
    const runs = m.runs(line, at.font, at.size, dir);
    const lineWidth = runs.reduce((sum, run) => sum + run.width, 0);
    const x =
      at.align === 'center'
        ? at.x + (at.width - lineWidth) / 2
        : dir === 'rtl' && at.align !== 'left'
          ? at.x + at.width - lineWidth
          : at.x;
    return {
      op: 'text',
      x,
      y: at.y + i * lineHeight,
      ascent,
      size: at.size,
      font: at.font,
      fill: at.fill,
      text: line,
      width: lineWidth,
      runs,
    };
  });
  return { ops, bottom: at.y + ops.length * lineHeight };
}

/** The largest headline size (44 pt down to 22 pt) at which the text fits in three lines. */
function headlineSize(m: TextMeasure, text: string, width: number): number {
  for (let size = 44; size > 22; size -= 2) {
    if (m.wrap(text, 'bold', size, width).length <= 3) return size;
  }
  return 22;
}

/** Lays out a poster: accent band with the headline, intro, numbered steps, QR code (or symbol), footer. */
export function layoutPoster(spec: PosterSpec): PosterLayout {
  const m = textMeasure();
  const dir = spec.dir ?? 'ltr';
  // Laid out left to right, with each line's runs in the poster's direction; an Arabic poster is then
  // mirrored as a whole (band, photo, step numbers, text alignment), as a right-to-left reader expects.
  const place = (text: string, at: TextAt): Block => textBlock(m, text, { align: 'left', ...at, dir });
  const width = A4.width - 2 * MARGIN;
  const ops: PosterOp[] = [];
  // The group's photo sits at the band's right; the kicker and headline keep clear of it.
  const photoSide = spec.photo ? 104 : 0;
  const beside = spec.photo ? photoSide + 20 : 0;

  const kicker = place(spec.kicker.toUpperCase(), {
    x: MARGIN,
    y: 44,
    width: width - beside,
    size: 13,
    font: 'bold',
    fill: palette.wash,
  });
  const size = headlineSize(m, spec.headline, width - beside);
  const headline = place(spec.headline, {
    x: MARGIN,
    y: kicker.bottom + 10,
    width: width - beside,
    size,
    font: 'bold',
    fill: palette.paper,
    leading: 1.15,
  });
  const bandHeight = Math.max(170, headline.bottom + 34, 40 + photoSide + 30);
  ops.push(
    { op: 'rect', x: 0, y: 0, w: A4.width, h: bandHeight, fill: palette.accent },
    ...kicker.ops,
    ...headline.ops,
  );
  if (spec.photo) {
    const x = A4.width - MARGIN - photoSide;
    ops.push(
      { op: 'rect', x: x - 4, y: 36, w: photoSide + 8, h: photoSide + 8, radius: 8, fill: palette.paper },
      { op: 'image', x, y: 40, size: photoSide, jpeg: spec.photo.jpeg },
    );
  }

  const intro = place(spec.intro, {
    x: MARGIN,
    y: bandHeight + 28,
    width,
    size: 15,
    font: 'regular',
    fill: palette.ink,
  });
  ops.push(...intro.ops);

  let y = intro.bottom + 16;
  spec.steps.forEach((step, i) => {
    const r = 14;
    ops.push({ op: 'circle', cx: MARGIN + r, cy: y + r, r, fill: palette.accent });
    const digit = String(i + 1);
    const digitWidth = m.width(digit, 'bold', 15);
    ops.push({
      op: 'text',
      x: MARGIN + r - digitWidth / 2,
      y: y + r - 9.5,
      ascent: m.ascent('bold', 15),
      size: 15,
      font: 'bold',
      fill: palette.paper,
      text: digit,
      width: digitWidth,
      runs: [{ text: digit, face: 'latin', rtl: false, dx: 0, width: digitWidth }],
    });
    const block = place(step, {
      x: MARGIN + 2 * r + 14,
      y: y + 4,
      width: width - 2 * r - 14,
      size: 14,
      font: 'regular',
      fill: palette.ink,
    });
    ops.push(...block.ops);
    y = Math.max(y + 2 * r, block.bottom) + 14;
  });

  const footer = place(spec.footer, {
    x: MARGIN,
    y: 0,
    width,
    size: 10,
    font: 'regular',
    fill: palette.muted,
    align: 'center',
  });
  const footerTop = A4.height - 36 - (footer.bottom - 0);
  ops.push(...footer.ops.map((op) => (op.op === 'text' ? { ...op, y: op.y + footerTop } : op)));

  // The QR code (or, on the generic poster, Convene's symbol) fills the space between steps and footer.
  const space = { top: y + 8, bottom: footerTop - 16 };
  if (spec.qr) {
    const caption = place(spec.qr.caption, {
      x: MARGIN,
      y: 0,
      width,
      size: 12,
      font: 'bold',
      fill: palette.accent,
      align: 'center',
    });
    const captionHeight = caption.bottom;
    const matrix = qrMatrix(spec.qr.url);
    // Scanners need a light margin of four modules around the code: the white card provides it.
    const available = space.bottom - space.top - captionHeight - 28;
    const qrSide = Math.min(250, available * (matrix.size / (matrix.size + 8)));
    const quiet = (4 * qrSide) / matrix.size;
    const cardSide = qrSide + 2 * quiet;
    const cardX = (A4.width - cardSide) / 2;
    const cardY = space.top + (space.bottom - space.top - cardSide - captionHeight - 12) / 2;
    ops.push({
      op: 'rect',
      x: cardX - 8,
      y: cardY - 8,
      w: cardSide + 16,
      h: cardSide + 16,
      radius: 14,
      fill: palette.wash,
    });
    ops.push({ op: 'rect', x: cardX, y: cardY, w: cardSide, h: cardSide, radius: 6, fill: palette.paper });
    ops.push({ op: 'qr', x: cardX + quiet, y: cardY + quiet, size: qrSide, matrix, fill: '#000000' });
    ops.push(
      ...caption.ops.map((op) => (op.op === 'text' ? { ...op, y: op.y + cardY + cardSide + 18 } : op)),
    );
  } else {
    const side = Math.min(220, space.bottom - space.top);
    const x = (A4.width - side) / 2;
    const top = space.top + (space.bottom - space.top - side) / 2;
    ops.push({ op: 'rect', x, y: top, w: side, h: side * 0.62, radius: side * 0.16, fill: palette.accent });
    ops.push({
      op: 'polygon',
      points: [
        [x + side * 0.18, top + side * 0.58],
        [x + side * 0.4, top + side * 0.6],
        [x + side * 0.12, top + side * 0.84],
      ],
      fill: palette.accent,
    });
    for (const dx of [0.28, 0.5, 0.72]) {
      ops.push({
        op: 'circle',
        cx: x + side * dx,
        cy: top + side * 0.31,
        r: side * 0.07,
        fill: palette.paper,
      });
    }
  }
  const layout = { width: A4.width, height: A4.height, ops };
  return dir === 'rtl' ? mirrored(layout) : layout;
}

/** The layout flipped left to right; text keeps its reading order, only its place on the line moves. */
export function mirrored(layout: PosterLayout): PosterLayout {
  const W = layout.width;
  const ops = layout.ops.map((op): PosterOp => {
    switch (op.op) {
      case 'rect':
        return { ...op, x: W - op.x - op.w };
      case 'circle':
        return { ...op, cx: W - op.cx };
      case 'polygon':
        return { ...op, points: op.points.map(([x, y]) => [W - x, y]) };
      case 'text':
        return { ...op, x: W - op.x - op.width };
      default:
        return { ...op, x: W - op.x - op.size };
    }
  });
  return { ...layout, dir: 'rtl', ops };
}
