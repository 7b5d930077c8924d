import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { champGuidelines as champGuidelinesIn } from '../../../src/domain/rollout/content/champ-guidelines';
import { employeeGuide as employeeGuideIn } from '../../../src/domain/rollout/content/employee-guide';
import { genericPosterSpec, groupPosterSpec, joinSteps } from '../../../src/domain/rollout/content/posters';
import { guideHtml, guideMarkdown } from '../../../src/domain/rollout/render-guide';
import { translatorFor } from '../../../src/i18n/translator';
import { qrMatrix } from '../../../src/infra/rollout/qr-code';
import { rolloutRenderer } from '../../../src/infra/rollout/rollout-renderer';
import { readPdfText as pdfText } from '../../support/rollout-pdf-reader';

const en = translatorFor('en');
const inviteUrl = 'https://convene.contoso.com/join/AbCdEfGhIjKlMnOpQrStUv';

function decodeQr(png: Uint8Array): string | undefined {
  const image = PNG.sync.read(Buffer.from(png));
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}

const groupSpec = groupPosterSpec(
  {
    groupName: 'Ventas – Turno de noche',
    organisationName: 'Contoso',
    inviteUrl,
    validUntil: '2026-04-05T09:00:00.000Z',
  },
  en,
);

describe('posters', () => {
  test('when a group poster is printed, then it is one A4 page with the name, the three steps and the link', async () => {
    const pdf = await rolloutRenderer.poster(groupSpec, 'pdf');
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    const { pages, text } = await pdfText(pdf);
    expect(pages).toBe(1);
    expect(text).toContain('Ventas – Turno de noche');
    expect(text).toContain('CONTOSO');
    for (const step of joinSteps(en)) expect(text).toContain(step.split(' ').slice(0, 5).join(' '));
    expect(text).toContain('valid until 5 April 2026');
    expect(text.replace(/ /g, '')).toContain(inviteUrl);
  });

  test('when a poster names a button to press, then it is a button the join page shows', () => {
    const steps = joinSteps(en).join(' ');
    expect(steps).toContain(`“${en.t('join.signIn.button')}”`);
    expect(steps).toContain(`“${en.t('join.askToJoin.button')}”`);
    expect(steps).not.toMatch(/Tap Join\b/);
  });

  test('when a group poster is shared as PNG, then its QR code decodes to the invite link', async () => {
    const png = await rolloutRenderer.poster(groupSpec, 'png');
    const image = PNG.sync.read(Buffer.from(png));
    expect([image.width, image.height]).toEqual([1240, 1754]);
    expect(decodeQr(png)).toBe(inviteUrl);
  });

  test('when a group name is long, then the headline shrinks and wraps instead of running off the page', async () => {
    const long = groupPosterSpec(
      {
        groupName: 'Contoso Logistics – Warehouse operations, North-East region, night and weekend shifts',
        organisationName: null,
        inviteUrl,
        validUntil: null,
      },
      en,
    );
    const { pages, text } = await pdfText(await rolloutRenderer.poster(long, 'pdf'));
    expect(pages).toBe(1);
    expect(text).toContain('weekend shifts');
    expect(decodeQr(await rolloutRenderer.poster(long, 'png'))).toBe(inviteUrl);
  });

  test('when the generic poster is printed, then it says why to move and has no QR code', async () => {
    const spec = genericPosterSpec('Contoso', en);
    const { pages, text } = await pdfText(await rolloutRenderer.poster(spec, 'pdf'));
    expect(pages).toBe(1);
    expect(text).toContain('Move your work chat to Teams');
    expect(decodeQr(await rolloutRenderer.poster(spec, 'png'))).toBeUndefined();
  });

  test('when a QR matrix is made, then it has the size of a version that holds the link', () => {
    const matrix = qrMatrix(inviteUrl);
    expect(matrix.size).toBeGreaterThanOrEqual(21);
    expect((matrix.size - 17) % 4).toBe(0);
    // The three finder patterns' corners are dark.
    expect([matrix.dark(0, 0), matrix.dark(matrix.size - 1, 0), matrix.dark(0, matrix.size - 1)]).toEqual([
      true,
      true,
      true,
    ]);
  });
});

describe('guides', () => {
  const employeeGuide = employeeGuideIn(translatorFor('en'));
  const champGuidelines = champGuidelinesIn(translatorFor('en'));

  test.each([
    [employeeGuide.title, employeeGuide],
    [champGuidelines.title, champGuidelines],
  ])(
    'when "%s" is downloaded as PDF, then every section heading is in it, with page numbers',
    async (_t, guide) => {
      const { pages, text } = await pdfText(await rolloutRenderer.guidePdf(guide));
      expect(pages).toBeGreaterThanOrEqual(1);
      expect(pages).toBeLessThanOrEqual(3);
      for (const section of guide.sections) expect(text).toContain(section.heading);
      expect(text).toContain(`page ${pages} of ${pages}`);
    },
  );

  test('when the champs’ guidelines are read, then they cover engagement, moderation, helping users and user management', () => {
    expect(champGuidelines.sections.map((s) => s.heading)).toEqual(
      expect.arrayContaining(['User engagement', 'Content moderation', 'Helping users', 'User management']),
    );
  });

  test('when a guide is rendered for the tab, then Markdown numbers the steps and HTML escapes the text', () => {
    const markdown = guideMarkdown(champGuidelines);
    expect(markdown).toMatch(/^# Champs’ guidelines\n/);
    expect(markdown).toContain('\n1. Before the move');
    const html = guideHtml(champGuidelines);
    expect(html).toContain('&quot;invite &lt;group&gt;&quot;');
    expect(html).not.toContain('<group>');
    expect(html).not.toMatch(/<script|on\w+=/i);
  });
});
