import { mirrored, type PosterLayout, type PosterOp, palette, textBlock, textMeasure } from './poster-layout';
import { posterPng } from './poster-png';
import { qrMatrix } from './qr-code';

/** What a link preview shows: the group, who shared it and where it belongs, and the link's QR code. */
export interface JoinPreviewSpec {
  title: string;
  lines: string[];
  inviteUrl: string;
  /** The language the words are in (part of what the cached image says) and its direction. */
  locale?: string;
  dir?: 'ltr' | 'rtl';
  /** The group's photo (its stored square JPEG), shown at the top left. */
  photo?: { etag: string; jpeg: Uint8Array } | null;
}

/** 1200 × 630, the size Open Graph previews are drawn at. */
const WIDTH = 1200;
const HEIGHT = 630;

/**
 * The preview as poster operations, so the poster's PNG renderer (resvg, the same fonts) draws it. An
 * Arabic preview is laid out left to right with each line's runs in Arabic order, then mirrored as a
 * whole, as the posters are: text from the right, the QR code on the left.
 */
export function layoutJoinPreview(spec: JoinPreviewSpec): PosterLayout {
  const m = textMeasure();
  const dir = spec.dir ?? 'ltr';
  const qrSize = 390;
  const textWidth = WIDTH - qrSize - 3 * 60;
  const ops: PosterOp[] = [{ op: 'rect', x: 0, y: 0, w: WIDTH, h: HEIGHT, fill: palette.accent }];
  // With a photo, the title starts beside it rather than at the left edge.
  const photoSide = 150;
  const titleX = spec.photo ? 60 + photoSide + 36 : 60;
  if (spec.photo) {
    ops.push(
      { op: 'rect', x: 54, y: 74, w: photoSide + 12, h: photoSide + 12, radius: 16, fill: palette.paper },
      { op: 'image', x: 60, y: 80, size: photoSide, jpeg: spec.photo.jpeg },
    );
  }
  const title = textBlock(m, spec.title, {
    x: titleX,
    y: 80,
    width: textWidth - (titleX - 60),
    size: 56,
    font: 'bold',
    fill: palette.paper,
    leading: 1.15,
    align: 'left',
    dir,
  });
  ops.push(...title.ops.slice(0, 4));
  let y = Math.max(Math.min(title.bottom, 80 + 4 * 56 * 1.15), spec.photo ? 80 + photoSide : 0) + 30;
  for (const line of spec.lines) {
    const block = textBlock(m, line, {
      x: 60,
      y,
      width: textWidth,
      size: 30,
      font: 'regular',
      fill: palette.wash,
      align: 'left',
      dir,
    });
    ops.push(...block.ops.slice(0, 2));
    y = block.bottom + 8;
  }
  const matrix = qrMatrix(spec.inviteUrl);
  // The four-module quiet zone scanners need, inside the white card.
  const pad = (qrSize * 4) / (matrix.size + 8);
  ops.push({
    op: 'rect',
    x: WIDTH - 60 - qrSize,
    y: 120,
    w: qrSize,
    h: qrSize,
    radius: 24,
    fill: palette.paper,
  });
  ops.push({
    op: 'qr',
    x: WIDTH - 60 - qrSize + pad,
    y: 120 + pad,
    size: qrSize - 2 * pad,
    matrix,
    fill: palette.ink,
  });
  const layout: PosterLayout = { width: WIDTH, height: HEIGHT, ops };
  return dir === 'rtl' ? mirrored(layout) : layout;
}

/** The preview image as PNG at its natural size. */
export const joinPreviewPng = (spec: JoinPreviewSpec): Promise<Uint8Array> =>
  posterPng(layoutJoinPreview(spec), WIDTH);
