import { mkdirSync, writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { messageTemplates } from '../../../src/domain/rollout/content/message-templates';
import { slides } from '../../../src/domain/rollout/content/slides';
import { guides } from '../../../src/domain/rollout/guides';
import { guideHtml, guideMarkdown } from '../../../src/domain/rollout/render-guide';
import { LOCALES, type Locale } from '../../../src/i18n/locales';
import { translatorFor } from '../../../src/i18n/translator';
import { rolloutRenderer } from '../../../src/infra/rollout/rollout-renderer';
import { missingGlyphs } from '../../../src/infra/rollout/script-runs';
import { slideshowPage } from '../../../src/infra/rollout/slideshow-page';
import { pdfActualTexts } from '../../support/pdf-actual-text';
import { pdfPagesAsPng } from '../../support/pdf-screenshot';

const OUT = 'test-output/print';
const DEVANAGARI = /\p{Script=Devanagari}/u;
const ARABIC = /\p{Script=Arabic}/u;
const script: Record<Exclude<Locale, 'en'>, RegExp> = { hi: DEVANAGARI, ar: ARABIC };
const inviteLink = 'https://convene.contoso.com/join/AbCdEfGhIjKlMnOpQrStUv';

beforeAll(() => mkdirSync(OUT, { recursive: true }));

describe('guides in each language', () => {
  test.each(LOCALES.flatMap((locale) => Object.keys(guides).map((id) => [locale, id] as const)))(
    'when the %s %s is written, then every line is a catalogue sentence every embedded font can print',
    (locale, id) => {
      const guide = guides[id as keyof typeof guides](translatorFor(locale));
      const words = [
        guide.title,
        guide.summary,
        ...guide.sections.flatMap((s) => [
          s.heading,
          ...(s.paragraphs ?? []),
          ...(s.steps ?? []),
          ...(s.bullets ?? []),
        ]),
      ];
      for (const line of words) {
        expect(line).not.toMatch(/^print\.guide\./);
        expect(missingGlyphs(line)).toEqual([]);
      }
      if (locale !== 'en') expect(guide.title).toMatch(script[locale]);
      expect(guide.dir).toBe(locale === 'ar' ? 'rtl' : 'ltr');
    },
  );

  test.each([
    ['hi', 'पाँच मिनट की गाइड', 'अपने ग्रुप से जुड़ें', 'पेज {one} /'],
    ['ar', 'دليل في خمس دقائق', 'انضم إلى مجموعتك', 'صفحة {one} من'],
  ] as const)(
    'when the employee guide is downloaded as a PDF in %s, then its title, headings and page numbers are in that language',
    async (locale, title, heading, footer) => {
      const guide = guides['employee-guide'](translatorFor(locale));
      const pdf = await rolloutRenderer.guidePdf(guide);
      const lines = pdfActualTexts(pdf);
      const text = lines.join('\n');
      expect(text).toContain(title);
      expect(lines).toContain(heading);
      for (const section of guide.sections) expect(lines).toContain(section.heading);
      // Page numbers in the language's own digits, as Intl writes them.
      expect(text).toContain(footer.replace('{one}', translatorFor(locale).number(1)));
      expect(text).not.toMatch(/Join your group|page \d of/);
      const [page] = await pdfPagesAsPng(pdf, { scale: 1.5, pages: [1] });
      writeFileSync(`${OUT}/employee-guide-${locale}-page1.png`, page!);
      expect(PNG.sync.read(page!).width).toBeGreaterThan(800);
    },
  );

  test('when the champs’ guidelines are read in Hindi, then Markdown numbers the steps and the bot commands stay in English', () => {
    const guide = guides['champ-guidelines'](translatorFor('hi'));
    const markdown = guideMarkdown(guide);
    expect(markdown).toMatch(/^# चैंप के लिए दिशानिर्देश\n/);
    expect(markdown).toContain('\n1. बदलाव से पहले');
    expect(guideHtml(guide)).toContain('&quot;invite &lt;ग्रुप&gt;&quot;');
  });

  test('when the FAQ sheet is printed in Arabic, then it comes out in Arabic', async () => {
    const guide = guides['activation-desk-faq'](translatorFor('ar'));
    const text = pdfActualTexts(await rolloutRenderer.guidePdf(guide)).join('\n');
    expect(text).toContain('مكتب التفعيل: أسئلة وأجوبة');
    expect(text).toContain('متى تتصل بفريق تقنية المعلومات');
  });
});

describe('message templates in each language', () => {
  const values = {
    groupName: 'ड्राइवर – रात की पाली',
    inviteLink,
    validUntil: '5 मार्च 2027',
    organisationName: 'Contoso',
  };

  test('when the templates are filled in Hindi, then the text is Hindi with the group, link and date in it', () => {
    const templates = messageTemplates(translatorFor('hi'), values);
    expect(templates.map((t) => t.id)).toEqual([
      'old-group-announcement',
      'old-group-reminder',
      'intranet-news',
      'email-invitation',
    ]);
    const announcement = templates[0]!;
    expect(announcement.title).toBe('पुराने चैट ग्रुप के लिए घोषणा');
    expect(announcement.text).toContain('सभी को नमस्ते!');
    expect(announcement.text).toContain(`एक टैप में जुड़ें: ${inviteLink}`);
    expect(announcement.text).toContain('5 मार्च 2027 तक');
    expect(templates[3]!.subject).toBe('Microsoft Teams में "ड्राइवर – रात की पाली" से जुड़ें');
  });

  test('when the templates are filled in Arabic, then the text is Arabic and the link stays left to right', () => {
    const templates = messageTemplates(translatorFor('ar'), { ...values, groupName: 'السائقون' });
    for (const template of templates) {
      expect(template.text).toMatch(ARABIC);
      expect(template.text).toContain(`\u2066${inviteLink}\u2069`);
    }
    expect(templates[3]!.subject).toBe('انضم إلى «السائقون» في Microsoft Teams');
  });

  test('when the templates are previewed, then the placeholders show as written in every language', () => {
    for (const locale of LOCALES) {
      const [announcement] = messageTemplates(translatorFor(locale));
      expect(announcement!.text).toContain('{{groupName}}');
      expect(announcement!.text).toContain('{{inviteLink}}');
    }
  });
});

describe('lobby slideshow in each language', () => {
  const page = (locale: Locale): string => {
    const t = translatorFor(locale);
    return slideshowPage({
      slides: slides(t),
      join: {
        kind: 'group',
        groupName: 'السائقون',
        inviteUrl: inviteLink,
        qrSvg: '<svg></svg>',
        validUntil: null,
      },
      seconds: 12,
      nonce: 'n',
      t,
    });
  };

  test('when the slideshow is shown in Arabic, then the page is right to left and its words are Arabic', () => {
    const html = page('ar');
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('لماذا تنتقل محادثة العمل إلى Teams');
    expect(html).toContain('ملء الشاشة (F)');
    expect(html).toContain(`<p class="link" dir="ltr">${inviteLink}</p>`);
    expect(html).not.toContain('Join now');
  });

  test('when the slideshow is shown in Hindi, then the page says so and its words are Hindi', () => {
    const html = page('hi');
    expect(html).toContain('<html lang="hi" dir="ltr">');
    expect(html).toContain('जुड़ने में बस एक मिनट लगता है');
    expect(html).not.toContain('Need a hand?');
  });
});
