import { mkdirSync, writeFileSync } from 'node:fs';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { translatorFor } from '../../../src/i18n/translator';
import { joinPreviewPng, layoutJoinPreview } from '../../../src/infra/rollout/join-preview-png';
import { missingGlyphs } from '../../../src/infra/rollout/script-runs';

const OUT = 'test-output/print';
const inviteUrl = 'https://convene.contoso.com/join/AbCdEfGhIjKlMnOpQrStUv';

const specIn = (locale: 'hi' | 'ar', group: string) => {
  const t = translatorFor(locale);
  return {
    locale,
    dir: t.dir,
    title: t.t('join.preview.title', { group }),
    lines: ['Contoso', `${t.t('join.facts.sharedBy')}: Asha Rao`],
    inviteUrl,
  };
};

beforeAll(() => mkdirSync(OUT, { recursive: true }));

describe('the join link preview in the organisation’s language', () => {
  test.each([
    ['hi', 'ड्राइवर – रात की पाली'],
    ['ar', 'السائقون – نوبة الليل'],
  ] as const)(
    'when the organisation prints in %s, then the preview says so in its script and its QR code scans',
    async (locale, group) => {
      const spec = specIn(locale, group);
      const layout = layoutJoinPreview(spec);
      const words = layout.ops.flatMap((op) => (op.op === 'text' ? [op.text] : []));
      expect(words.join(' ')).toMatch(locale === 'hi' ? /\p{Script=Devanagari}/u : /\p{Script=Arabic}/u);
      for (const line of words) expect(missingGlyphs(line)).toEqual([]);
      const png = await joinPreviewPng(spec);
      writeFileSync(`${OUT}/join-preview-${locale}.png`, png);
      const image = PNG.sync.read(Buffer.from(png));
      expect(jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data).toBe(inviteUrl);
    },
  );

  test('when the preview is in Arabic, then its text starts on the right and the QR code sits on the left', () => {
    const layout = layoutJoinPreview(specIn('ar', 'السائقون'));
    const qr = layout.ops.find((op) => op.op === 'qr')!;
    expect(qr.op === 'qr' && qr.x + qr.size).toBeLessThan(600);
    for (const op of layout.ops) {
      if (op.op === 'text') expect(op.x + op.width).toBeCloseTo(1200 - 60, 0);
    }
  });
});
