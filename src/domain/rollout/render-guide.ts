import type { Guide } from './content/guide';

/** A guide as Markdown, for the download and for anyone who pastes it into a wiki. */
export function guideMarkdown(guide: Guide): string {
  const parts = [`# ${guide.title}`, guide.summary];
  for (const section of guide.sections) {
    parts.push(`## ${section.heading}`);
    for (const paragraph of section.paragraphs ?? []) parts.push(paragraph);
    if (section.steps) parts.push(section.steps.map((step, i) => `${i + 1}. ${step}`).join('\n'));
    if (section.bullets) parts.push(section.bullets.map((bullet) => `- ${bullet}`).join('\n'));
  }
  return `${parts.join('\n\n')}\n`;
}

const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** A guide as an HTML fragment the tab can show as it is: every text escaped, no attributes, no scripts. */
export function guideHtml(guide: Guide): string {
  const parts = [`<h1>${escapeHtml(guide.title)}</h1>`, `<p>${escapeHtml(guide.summary)}</p>`];
  for (const section of guide.sections) {
    parts.push(`<h2>${escapeHtml(section.heading)}</h2>`);
    for (const paragraph of section.paragraphs ?? []) parts.push(`<p>${escapeHtml(paragraph)}</p>`);
    if (section.steps)
      parts.push(`<ol>${section.steps.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ol>`);
    if (section.bullets)
      parts.push(`<ul>${section.bullets.map((b) => `<li>${escapeHtml(b)}</li>`).join('')}</ul>`);
  }
  return parts.join('\n');
}
