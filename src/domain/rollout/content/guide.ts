import type { MessageId } from '../../../i18n/catalogue';
import type { Locale } from '../../../i18n/locales';
import type { Translator } from '../../../i18n/translator';

/** A piece of written rollout material: plain text in sections, rendered to Markdown, HTML and PDF. */
export interface GuideSection {
  heading: string;
  paragraphs?: string[];
  /** Numbered: things to do in order. */
  steps?: string[];
  /** Unordered: advice, rules, examples. */
  bullets?: string[];
}

export type GuideId = 'employee-guide' | 'champ-guidelines' | 'activation-desk-faq';

export interface Guide {
  id: GuideId;
  /** The language the guide is written in, and its direction (Arabic reads right to left). */
  locale: Locale;
  dir: 'ltr' | 'rtl';
  title: string;
  audience: 'employees' | 'champs' | 'desk staff';
  summary: string;
  sections: GuideSection[];
}

/**
 * A guide's outline: its sections and how many paragraphs, steps and bullets each has. The words are the
 * catalogue's (`print.json`), under `print.guide.<prefix>.<section>.heading|paragraphN|stepN|bulletN`, so
 * every language has the same guide with the same numbering.
 */
export interface GuideOutline {
  id: GuideId;
  prefix: string;
  audience: Guide['audience'];
  sections: ReadonlyArray<{ key: string; paragraphs?: number; steps?: number; bullets?: number }>;
}

/** The guide of an outline in the translator's language. */
export function guideIn(outline: GuideOutline, t: Translator): Guide {
  const word = (suffix: string): string => t.t(`print.guide.${outline.prefix}.${suffix}` as MessageId);
  const numbered = (section: string, kind: string, count: number | undefined): string[] | undefined =>
    count ? Array.from({ length: count }, (_, i) => word(`${section}.${kind}${i + 1}`)) : undefined;
  return {
    id: outline.id,
    locale: t.locale,
    dir: t.dir,
    title: word('title'),
    audience: outline.audience,
    summary: word('summary'),
    sections: outline.sections.map((section) => {
      const paragraphs = numbered(section.key, 'paragraph', section.paragraphs);
      const steps = numbered(section.key, 'step', section.steps);
      const bullets = numbered(section.key, 'bullet', section.bullets);
      return {
        heading: word(`${section.key}.heading`),
        ...(paragraphs ? { paragraphs } : {}),
        ...(steps ? { steps } : {}),
        ...(bullets ? { bullets } : {}),
      };
    }),
  };
}
