import type { Guide } from '../../domain/rollout/content/guide';
import type { PosterFormat, PosterSpec, RolloutRenderer } from '../../domain/rollout/rollout.ports';
import { guidePdf } from './guide-pdf';
import { layoutPoster } from './poster-layout';
import { posterPdf } from './poster-pdf';
import { posterPng } from './poster-png';
import { slipsPdf } from './slips-pdf';
import { tableTentPdf } from './table-tent-pdf';

/** Posters through one layout drawn by pdfkit (PDF) and resvg (PNG); guides and slips through pdfkit. */
export const rolloutRenderer: RolloutRenderer = {
  async poster(spec: PosterSpec, format: PosterFormat): Promise<Uint8Array> {
    const layout = layoutPoster(spec);
    return format === 'pdf' ? posterPdf(layout, `${spec.headline} – ${spec.kicker}`) : posterPng(layout);
  },
  tableTentPdf: (spec: PosterSpec) => tableTentPdf(layoutPoster(spec), `${spec.headline} – table tent`),
  guidePdf: (guide: Guide) => guidePdf(guide),
  slipsPdf,
};
