import { createHash } from 'node:crypto';
import escapeHtml from 'escape-html';
import type { MessageId } from '../../i18n/catalogue';
import { LOCALES } from '../../i18n/locales';
import { type MessageValues, type Translator, translatorFor } from '../../i18n/translator';

/** Link-preview tags: consumer chat apps read Open Graph, some read Twitter's. */
export interface PreviewMeta {
  title: string;
  description: string;
  url: string;
  image: string;
  imageAlt: string;
}

/**
 * The few rules every join page shares: readable at 320 px, light and dark, large tap targets. Only
 * logical directions (inline/block, start/end), so Arabic lays out right to left from `dir` alone.
 */
const STYLE = `*{box-sizing:border-box}
:root{color-scheme:light dark;--bg:#f5f5f5;--card:#fff;--text:#242424;--muted:#5c5c5c;--accent:#4f52b2;--on-accent:#fff;--line:#d1d1d1;--warn:#fff4ce;--warn-text:#4a3b00}
@media (prefers-color-scheme:dark){:root{--bg:#1b1b1b;--card:#292929;--text:#f0f0f0;--muted:#c8c8c8;--accent:#9ea2ff;--on-accent:#141414;--line:#4a4a4a;--warn:#433519;--warn-text:#fde7a9}}
body{margin:0;background:var(--bg);color:var(--text);font:16px/1.5 "Segoe UI",system-ui,-apple-system,"Noto Sans","Noto Sans Devanagari","Noto Sans Arabic",sans-serif;overflow-wrap:break-word}
main{max-width:32rem;margin-block:0;margin-inline:auto;padding:1rem}
header{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:baseline;gap:0 1rem;margin-block-end:.5rem}
.brand{font-size:.875rem;color:var(--muted);margin:0;letter-spacing:.05em}
nav ul{display:flex;flex-wrap:wrap;gap:0 .75rem;list-style:none;margin:0;padding:0}nav a{display:inline-block;min-height:1.5rem;padding-block:.25rem}nav a[aria-current]{color:var(--text);font-weight:600;text-decoration:none}
h1{font-size:1.5rem;line-height:1.25;margin-block:.25rem 1rem;margin-inline:0;overflow-wrap:anywhere}
h2{font-size:1.125rem;margin-block:0 .25rem;margin-inline:0}
p{margin-block:0 .75rem;margin-inline:0}
.card{background:var(--card);border:1px solid var(--line);border-radius:.75rem;padding:1rem;margin-block:0 1rem;margin-inline:0}
dl{display:grid;grid-template-columns:fit-content(45%) 1fr;gap:.25rem 1rem;margin:0}dt{color:var(--muted)}dd{margin:0;overflow-wrap:break-word;min-width:0}
.note{background:var(--warn);color:var(--warn-text);border-radius:.5rem;padding:.75rem;margin-block:0 1rem;margin-inline:0}
.button,button{display:block;width:100%;min-height:2.75rem;padding:.625rem 1rem;border:0;border-radius:.5rem;background:var(--accent);color:var(--on-accent);font:inherit;font-weight:600;text-align:center;text-decoration:none;cursor:pointer}
.button.secondary{background:transparent;color:var(--accent);border:2px solid var(--accent)}
label{display:block;margin-block:.5rem .25rem;font-weight:600}
input,select{display:block;width:100%;min-height:2.75rem;padding:.5rem;border:1px solid var(--muted);border-radius:.5rem;background:var(--card);color:var(--text);font:inherit}
[dir=rtl] input[type=tel]{text-align:end}
form>button{margin-block-start:.75rem}
ul.get{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;padding:0;margin:0}ul.get a{color:var(--accent)}
a{color:var(--accent)}code{overflow-wrap:anywhere}
.group-photo{display:block;width:6rem;height:6rem;border-radius:.75rem;object-fit:cover;margin-block:0 .75rem;margin-inline:0}`;

/**
 * The CSP source that allows the pages' one inline style: its hash. The style never changes, so a page
 * carries nothing made for one response, and a rendered page can be sent again as it is.
 */
export const JOIN_STYLE_SOURCE = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

/** A value to place left to right inside a sentence whatever the page's direction: a link, a phone number. */
export interface LeftToRight {
  readonly ltr: string;
}
export const ltr = (value: string): LeftToRight => ({ ltr: value });

type SayValue = string | number | Date | LeftToRight;

/**
 * A catalogue message as escaped HTML. Each text value sits in its own `<bdi>`: a group's Latin name in
 * an Arabic sentence (or an Arabic name in an English one) keeps its order and leaves the sentence's
 * alone; links and phone numbers (`ltr(…)`) always read left to right.
 */
export function say(t: Translator, id: MessageId, values: Record<string, SayValue> = {}): string {
  const isolated: string[] = [];
  const marked: MessageValues = {};
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === 'number' || value instanceof Date) {
      marked[name] = value;
      continue;
    }
    // Private-use marks survive formatting and escaping; each becomes its isolate afterwards.
    marked[name] = `\uE000${isolated.length}\uE001`;
    isolated.push(
      typeof value === 'string'
        ? `<bdi>${escapeHtml(value)}</bdi>`
        : `<bdi dir="ltr">${escapeHtml(value.ltr)}</bdi>`,
    );
  }
  return escapeHtml(t.t(id, marked)).replace(/\uE000(\d+)\uE001/g, (_, i: string) => isolated[Number(i)]!);
}

/**
 * The language switcher: each language named in itself, a plain link to this same page (`?lang=`,
 * the address's other parameters kept). Following it only shows the page again and remembers the
 * choice; it never starts or uses anything.
 */
function languageSwitcher(t: Translator, query: URLSearchParams): string {
  const links = LOCALES.map((locale) => {
    const own = translatorFor(locale);
    const params = new URLSearchParams(query);
    params.set('lang', locale);
    const current = locale === t.locale ? ' aria-current="true"' : '';
    return `<li><a href="?${escapeHtml(params.toString())}" lang="${locale}" hreflang="${locale}" dir="${own.dir}"${current}>${escapeHtml(own.t('common.languageName'))}</a></li>`;
  }).join('');
  return `<nav aria-label="${escapeHtml(t.t('join.language'))}"><ul>${links}</ul></nav>`;
}

/** A complete join page: escaped text only, inline CSS allowed by its hash (`JOIN_STYLE_SOURCE`), no script. */
export function joinLayout(input: {
  t: Translator;
  title: string;
  body: string;
  preview?: PreviewMeta;
  /** This page's address parameters, for the switcher's links; no switcher when the page can't be shown again by a GET. */
  switcher?: URLSearchParams;
}): string {
  const { t, preview } = input;
  const brand = t.t('common.brand');
  const meta = preview
    ? [
        ['og:type', 'website'],
        ['og:site_name', brand],
        ['og:title', preview.title],
        ['og:description', preview.description],
        ['og:url', preview.url],
        ['og:image', preview.image],
        ['og:image:width', '1200'],
        ['og:image:height', '630'],
        ['og:image:alt', preview.imageAlt],
      ]
        .map(([property, content]) => `<meta property="${property}" content="${escapeHtml(content!)}">`)
        .concat(
          [
            ['twitter:card', 'summary_large_image'],
            ['twitter:title', preview.title],
            ['twitter:description', preview.description],
            ['twitter:image', preview.image],
            ['description', preview.description],
          ].map(([name, content]) => `<meta name="${name}" content="${escapeHtml(content!)}">`),
        )
        .join('')
    : '';
  const switcher = input.switcher ? languageSwitcher(t, input.switcher) : '';
  return `<!doctype html><html lang="${t.locale}" dir="${t.dir}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex">
<title>${escapeHtml(input.title)}</title>${meta}<style>${STYLE}</style></head>
<body><main><header><p class="brand" lang="en" dir="ltr">${escapeHtml(brand.toUpperCase())}</p>${switcher}</header>${input.body}</main></body></html>`;
}

/** Escapes text for the page; every value that is not a fixed tag goes through it. */
export const text = (value: string): string => escapeHtml(value);
