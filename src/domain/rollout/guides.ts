import type { Translator } from '../../i18n/translator';
import type { Actor } from '../access/actor';
import { activationDeskFaq } from './content/activation-desk-faq';
import { champGuidelines } from './content/champ-guidelines';
import { employeeGuide } from './content/employee-guide';
import type { Guide, GuideId } from './content/guide';
import { requestedLanguage } from './posters';
import { printTranslator } from './print-translator';
import { guideHtml, guideMarkdown } from './render-guide';
import { GuideFormatInvalid, GuideNotFound } from './rollout.errors';
import type { DownloadableFile, RolloutContext } from './rollout.ports';
import { rolloutAudience } from './rollout-audience';

/** Each guide, written in the translator's language. */
export const guides: Readonly<Record<GuideId, (t: Translator) => Guide>> = {
  'employee-guide': employeeGuide,
  'champ-guidelines': champGuidelines,
  'activation-desk-faq': activationDeskFaq,
};

export type GuideFormat = 'md' | 'pdf';

function findGuide(id: string, t: Translator): Guide {
  const guide = Object.hasOwn(guides, id) ? guides[id as GuideId] : undefined;
  if (!guide) throw new GuideNotFound(id);
  return guide(t);
}

/**
 * A guide for the tab to show: its text as Markdown and as safe HTML, in the language asked for (`lang`),
 * else the organisation's. For org admins and champs.
 */
export async function readGuide(
  ctx: RolloutContext,
  input: { guideId: string; lang?: string },
  actor: Actor,
): Promise<{
  id: GuideId;
  language: string;
  dir: 'ltr' | 'rtl';
  title: string;
  audience: Guide['audience'];
  summary: string;
  markdown: string;
  html: string;
}> {
  const lang = requestedLanguage(input.lang);
  const { organisation } = await ctx.uow.run((repos) => rolloutAudience(repos, actor, 'see'));
  const guide = findGuide(input.guideId, printTranslator(lang, organisation));
  return {
    id: guide.id,
    language: guide.locale,
    dir: guide.dir,
    title: guide.title,
    audience: guide.audience,
    summary: guide.summary,
    markdown: guideMarkdown(guide),
    html: guideHtml(guide),
  };
}

/** A guide to download: Markdown, or a PDF to print and hand out, in the language asked for. */
export async function guideFile(
  ctx: RolloutContext,
  input: { guideId: string; format: string; lang?: string },
  actor: Actor,
): Promise<DownloadableFile> {
  const lang = requestedLanguage(input.lang);
  const { organisation } = await ctx.uow.run((repos) => rolloutAudience(repos, actor, 'see'));
  const guide = findGuide(input.guideId, printTranslator(lang, organisation));
  // English keeps the file names it always had; other languages say theirs (employee-guide.hi.pdf).
  const name = guide.locale === 'en' ? guide.id : `${guide.id}.${guide.locale}`;
  if (input.format === 'md') {
    return {
      fileName: `${name}.md`,
      mediaType: 'text/markdown; charset=utf-8',
      bytes: new TextEncoder().encode(guideMarkdown(guide)),
    };
  }
  if (input.format === 'pdf') {
    return {
      fileName: `${name}.pdf`,
      mediaType: 'application/pdf',
      bytes: await ctx.render.guidePdf(guide),
    };
  }
  throw new GuideFormatInvalid(input.format);
}
