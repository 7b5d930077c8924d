import { mkdirSync, writeFileSync } from 'node:fs';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { groupPosterSpec } from '../../../src/domain/rollout/content/posters';
import { GET_TEAMS_URL, slipFor, slipWords } from '../../../src/domain/slips/slip';
import type { Locale } from '../../../src/i18n/locales';
import { translatorFor } from '../../../src/i18n/translator';
import { layoutPoster } from '../../../src/infra/rollout/poster-layout';
import { rolloutRenderer } from '../../../src/infra/rollout/rollout-renderer';
import { fontOf, missingGlyphs, textRuns } from '../../../src/infra/rollout/script-runs';
import { slipsPdf } from '../../../src/infra/rollout/slips-pdf';
import { pdfActualTexts } from '../../support/pdf-actual-text';
import { pdfPagesAsPng } from '../../support/pdf-screenshot';

const OUT = 'test-output/print';
const inviteUrl = 'https://convene.contoso.com/join/AbCdEfGhIjKlMnOpQrStUv';
const names = { devanagari: 'अनीता शर्मा', arabic: 'فاطمة الزهراء' };
const groups: Record<Exclude<Locale, 'en'>, string> = {
  hi: 'ड्राइवर – रात की पाली',
  ar: 'السائقون – نوبة الليل',
};

const decodeQr = (png: Uint8Array): string | undefined => {
  const image = PNG.sync.read(Buffer.from(png));
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
};

/** Every character of the text has a glyph in the face its run is drawn in (no box anywhere). */
function expectEveryGlyph(text: string, dir: 'ltr' | 'rtl'): void {
  const missing = textRuns(text, dir).flatMap((run) =>
    [...run.text].filter(
      (char) => !/\s/u.test(char) && !fontOf(run.face).hasGlyphForCodePoint(char.codePointAt(0)!),
    ),
  );
  expect({ text, missing }).toEqual({ text, missing: [] });
  expect(missingGlyphs(text)).toEqual([]);
}

beforeAll(() => mkdirSync(OUT, { recursive: true }));

describe.each(['hi', 'ar'] as const)('printing in %s', (lang) => {
  const t = translatorFor(lang);
  const spec = groupPosterSpec(
    {
      groupName: groups[lang],
      organisationName: 'Contoso',
      inviteUrl,
      validUntil: '2026-04-05T09:00:00.000Z',
    },
    t,
  );

  test('when a group poster is printed, then its words extract back as written and every character has a glyph', async () => {
    const pdf = await rolloutRenderer.poster(spec, 'pdf');
    const lines = pdfActualTexts(pdf);
    expect(lines).toContain(groups[lang]);
    expect(lines).toContain(t.t('print.poster.join.step1'));
    expect(lines.join(' ')).toContain(t.t('print.poster.group.caption'));
    for (const text of [spec.headline, spec.intro, ...spec.steps, spec.qr!.caption, spec.footer])
      expectEveryGlyph(text, t.dir);
    const [page] = await pdfPagesAsPng(pdf, { scale: 1.5, pages: [1] });
    writeFileSync(`${OUT}/poster-${lang}-pdf.png`, page!);
  });

  test('when a group poster is shared as PNG, then it renders at A4 150 dpi and its QR code still scans', async () => {
    const png = await rolloutRenderer.poster(spec, 'png');
    writeFileSync(`${OUT}/poster-${lang}.png`, png);
    const image = PNG.sync.read(Buffer.from(png));
    expect([image.width, image.height]).toEqual([1240, 1754]);
    expect(decodeQr(png)).toBe(inviteUrl);
  });

  test('when slips name people in Devanagari and Arabic, then both names print and extract back', async () => {
    const people = [
      {
        displayName: names.devanagari,
        phone: '+919988554401',
        userPrincipalName: 'anita.sharma@contoso.com',
      },
      { displayName: names.arabic, phone: null, userPrincipalName: 'fatima@contoso.com' },
    ];
    const slips = people.map((p) => slipFor(p, { name: groups[lang] }, inviteUrl, t));
    const pdf = await slipsPdf({
      title: t.t('print.slips.title.group', { group: groups[lang] }),
      kicker: 'Contoso',
      slips,
      getTeamsUrl: GET_TEAMS_URL,
      dir: t.dir,
      words: slipWords(t),
    });
    const lines = pdfActualTexts(pdf);
    expect(lines).toEqual(
      expect.arrayContaining([names.devanagari, names.arabic, 'anita.sharma@contoso.com']),
    );
    expect(lines).toContain(
      t.t('print.slips.howToSignIn.phone', { ending: '01' }).replace(/[\u2066-\u2069]/g, ''),
    );
    for (const slip of slips)
      for (const text of [slip.name, slip.groupLine, slip.howToSignIn]) expectEveryGlyph(text, t.dir);
    const words = slipWords(t);
    for (const word of [
      words.signInLabel,
      words.signInUnknown,
      words.footer,
      ...Object.values(words.getTeams),
      ...Object.values(words.join),
    ])
      expectEveryGlyph(word, t.dir);
    const [page] = await pdfPagesAsPng(pdf, { scale: 2, pages: [1] });
    writeFileSync(`${OUT}/slips-${lang}-pdf.png`, page!);
  });
});

test('when a poster is in Arabic, then it lays out right to left: lines end at the right margin and the step numbers sit on the right', () => {
  const layout = layoutPoster(
    groupPosterSpec(
      { groupName: groups.ar, organisationName: null, inviteUrl, validUntil: null },
      translatorFor('ar'),
    ),
  );
  const texts = layout.ops.filter((op) => op.op === 'text');
  const headline = texts.find((op) => op.text === groups.ar)!;
  expect(headline.x + headline.width).toBeCloseTo(layout.width - 48, 0);
  const circles = layout.ops.filter((op) => op.op === 'circle');
  for (const circle of circles) expect(circle.cx).toBeGreaterThan(layout.width / 2);
});

test('when a Latin name or a link sits inside Arabic text, then it keeps its left-to-right order', () => {
  const runs = textRuns('اكتب الرابط: \u2066https://convene.example/join/x\u2069', 'rtl');
  expect(runs[0]).toMatchObject({ text: 'https://convene.example/join/x', face: 'latin', rtl: false });
  expect(runs.map((run) => run.text).join('')).not.toMatch(/[\u2066-\u2069]/);
  expect(runs.at(-1)).toMatchObject({ face: 'arabic', rtl: true });
});
