import type { Guide } from '../../domain/rollout/content/guide';
import type { PosterFormat, PosterSpec, RolloutRenderer } from '../../domain/rollout/rollout.ports';
import { DEFAULT_LOCALE } from '../../i18n/locales';
import { translatorFor } from '../../i18n/translator';
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
  tableTentPdf: (spec: PosterSpec) => {
    const t = translatorFor(spec.locale ?? DEFAULT_LOCALE);
    return tableTentPdf(layoutPoster(spec), {
      title: t.t('print.tableTent.title', { headline: spec.headline }),
      foldHere: t.t('print.tableTent.foldHere'),
      dir: t.dir,
    });
  },
  guidePdf: (guide: Guide) => guidePdf(guide),
  slipsPdf,
};
