import type { Actor } from '../access/actor';
import { activationDeskFaq } from './content/activation-desk-faq';
import { champGuidelines } from './content/champ-guidelines';
import { employeeGuide } from './content/employee-guide';
import type { Guide, GuideId } from './content/guide';
import { guideHtml, guideMarkdown } from './render-guide';
import { GuideFormatInvalid, GuideNotFound } from './rollout.errors';
import type { DownloadableFile, RolloutContext } from './rollout.ports';
import { rolloutAudience } from './rollout-audience';

export const guides: Readonly<Record<GuideId, Guide>> = {
  'employee-guide': employeeGuide,
  'champ-guidelines': champGuidelines,
  'activation-desk-faq': activationDeskFaq,
};

export type GuideFormat = 'md' | 'pdf';

function findGuide(id: string): Guide {
  const guide = guides[id as GuideId];
  if (!guide) throw new GuideNotFound(id);
  return guide;
}

/** A guide for the tab to show: its text as Markdown and as safe HTML. For org admins and champs. */
export async function readGuide(
  ctx: RolloutContext,
  input: { guideId: string },
  actor: Actor,
): Promise<{
  id: GuideId;
  title: string;
  audience: Guide['audience'];
  summary: string;
  markdown: string;
  html: string;
}> {
  await ctx.uow.run((repos) => rolloutAudience(repos, actor, 'see'));
  const guide = findGuide(input.guideId);
  return {
    id: guide.id,
    title: guide.title,
    audience: guide.audience,
    summary: guide.summary,
    markdown: guideMarkdown(guide),
    html: guideHtml(guide),
  };
}

/** A guide to download: Markdown, or a PDF to print and hand out. */
export async function guideFile(
  ctx: RolloutContext,
  input: { guideId: string; format: string },
  actor: Actor,
): Promise<DownloadableFile> {
  await ctx.uow.run((repos) => rolloutAudience(repos, actor, 'see'));
  const guide = findGuide(input.guideId);
  if (input.format === 'md') {
    return {
      fileName: `${guide.id}.md`,
      mediaType: 'text/markdown; charset=utf-8',
      bytes: new TextEncoder().encode(guideMarkdown(guide)),
    };
  }
  if (input.format === 'pdf') {
    return {
      fileName: `${guide.id}.pdf`,
      mediaType: 'application/pdf',
      bytes: await ctx.render.guidePdf(guide),
    };
  }
  throw new GuideFormatInvalid(input.format);
}
