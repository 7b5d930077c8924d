import { drawPdfLine } from './pdf-text';
import type { PosterLayout } from './poster-layout';
import { palette, textMeasure } from './poster-layout';
import { drawPoster, pdfBytes, posterDocument } from './poster-pdf';

/**
 * A table tent: one A4 sheet folded across the middle and stood on the desk, the poster on both faces.
 * The top half is drawn upside down so that, folded, both faces read the right way up; each face is the
 * poster itself at half size, so the tent says word for word what the wall poster says.
 */
export function tableTentPdf(
  layout: PosterLayout,
  words: { title: string; foldHere: string; dir: 'ltr' | 'rtl' },
): Promise<Uint8Array> {
  const doc = posterDocument(words.title);
  const page = { width: doc.page.width, height: doc.page.height };
  const half = page.height / 2;
  const scale = half / layout.height;
  const inset = (page.width - layout.width * scale) / 2;

  // The face towards the visitor: the lower half, upright.
  doc.save();
  doc.translate(inset, half).scale(scale);
  drawPoster(doc, layout);
  doc.restore();

  // The face towards the desk: the upper half, turned half a circle about the sheet's centre.
  doc.save();
  doc.rotate(180, { origin: [page.width / 2, half / 2] });
  doc.translate(inset, 0).scale(scale);
  drawPoster(doc, layout);
  doc.restore();

  // Where to fold.
  doc
    .moveTo(0, half)
    .lineTo(page.width, half)
    .dash(4, { space: 4 })
    .lineWidth(0.5)
    .strokeColor(palette.muted)
    .stroke()
    .undash();
  const m = textMeasure();
  const runs = m.runs(words.foldHere, 'regular', 7, words.dir);
  const width = runs.reduce((sum, run) => sum + run.width, 0);
  drawPdfLine(doc, {
    x: words.dir === 'rtl' ? page.width - 6 - width : 6,
    baseline: half + 3 + m.ascent('regular', 7),
    size: 7,
    font: 'regular',
    fill: palette.muted,
    runs,
    text: words.foldHere,
  });
  return pdfBytes(doc);
}
