import { renderAsync } from '@resvg/resvg-js';
import type { PosterLayout, PosterOp } from './poster-layout';
import { qrPath } from './qr-code';
import { runOutline } from './script-runs';

function opSvg(op: PosterOp): string {
  switch (op.op) {
    case 'rect':
      return `<rect x="${op.x}" y="${op.y}" width="${op.w}" height="${op.h}" rx="${op.radius ?? 0}" fill="${op.fill}"/>`;
    case 'circle':
      return `<circle cx="${op.cx}" cy="${op.cy}" r="${op.r}" fill="${op.fill}"/>`;
    case 'polygon':
      return `<polygon points="${op.points.map((p) => p.join(',')).join(' ')}" fill="${op.fill}"/>`;
    case 'text': {
      // The glyphs as outlines, shaped by fontkit as in the PDF, so the PNG and the PDF are one picture.
      const d = op.runs
        .map((run) => runOutline(run, op.font, op.size, op.x + run.dx, op.y + op.ascent))
        .join('');
      return d ? `<path d="${d}" fill="${op.fill}"/>` : '';
    }
    case 'image':
      return `<image x="${op.x}" y="${op.y}" width="${op.size}" height="${op.size}" href="data:image/jpeg;base64,${Buffer.from(op.jpeg).toString('base64')}"/>`;
    case 'qr': {
      const unit = op.size / op.matrix.size;
      return (
        `<path transform="translate(${op.x} ${op.y}) scale(${unit})" d="${qrPath(op.matrix)}" ` +
        `fill="${op.fill}" shape-rendering="crispEdges"/>`
      );
    }
  }
}

/** The layout as SVG in the same point coordinates as the PDF. */
export function posterSvg(layout: PosterLayout): string {
  const body = layout.ops.map(opSvg);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${layout.height}" ` +
    `viewBox="0 0 ${layout.width} ${layout.height}"><rect width="100%" height="100%" fill="#ffffff"/>${body.join('')}</svg>`
  );
}

/**
 * A PNG of the poster, 1240 px wide (A4 at 150 dpi): sharp on a phone, light enough for any chat app.
 * Text is already outlines (see `opSvg`), so resvg loads no fonts; it rasterises on libuv's thread pool,
 * so a poster or a link preview being drawn never holds up the requests around it.
 */
export async function posterPng(layout: PosterLayout, widthPx = 1240): Promise<Uint8Array> {
  const image = await renderAsync(posterSvg(layout), {
    fitTo: { mode: 'width', value: widthPx },
    font: { loadSystemFonts: false },
  });
  return image.asPng();
}
