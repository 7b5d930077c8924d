import escapeHtml from 'escape-html';
import type { JoinWords } from './join-words';

/** Link-preview tags: consumer chat apps read Open Graph, some read Twitter's. */
export interface PreviewMeta {
  title: string;
  description: string;
  url: string;
  image: string;
  imageAlt: string;
}

/** The few rules every join page shares: readable at 320 px, light and dark, large tap targets. */
const STYLE = `*{box-sizing:border-box}
:root{color-scheme:light dark;--bg:#f5f5f5;--card:#fff;--text:#242424;--muted:#5c5c5c;--accent:#4f52b2;--on-accent:#fff;--line:#d1d1d1;--warn:#fff4ce;--warn-text:#4a3b00}
@media (prefers-color-scheme:dark){:root{--bg:#1b1b1b;--card:#292929;--text:#f0f0f0;--muted:#c8c8c8;--accent:#9ea2ff;--on-accent:#141414;--line:#4a4a4a;--warn:#433519;--warn-text:#fde7a9}}
body{margin:0;background:var(--bg);color:var(--text);font:16px/1.5 "Segoe UI",system-ui,-apple-system,sans-serif;overflow-wrap:break-word}
main{max-width:32rem;margin:0 auto;padding:1rem}
.brand{font-size:.875rem;color:var(--muted);margin:0 0 .5rem;letter-spacing:.05em}
h1{font-size:1.5rem;line-height:1.25;margin:.25rem 0 1rem;overflow-wrap:anywhere}
h2{font-size:1.125rem;margin:0 0 .25rem}
p{margin:0 0 .75rem}
.card{background:var(--card);border:1px solid var(--line);border-radius:.75rem;padding:1rem;margin:0 0 1rem}
dl{display:grid;grid-template-columns:fit-content(45%) 1fr;gap:.25rem 1rem;margin:0}dt{color:var(--muted)}dd{margin:0;overflow-wrap:break-word;min-width:0}
.note{background:var(--warn);color:var(--warn-text);border-radius:.5rem;padding:.75rem;margin:0 0 1rem}
.button,button{display:block;width:100%;min-height:2.75rem;padding:.625rem 1rem;border:0;border-radius:.5rem;background:var(--accent);color:var(--on-accent);font:inherit;font-weight:600;text-align:center;text-decoration:none;cursor:pointer}
.button.secondary{background:transparent;color:var(--accent);border:2px solid var(--accent)}
label{display:block;margin:.5rem 0 .25rem;font-weight:600}
input,select{display:block;width:100%;min-height:2.75rem;padding:.5rem;border:1px solid var(--muted);border-radius:.5rem;background:var(--card);color:var(--text);font:inherit}
form>button{margin-top:.75rem}
ul.get{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;padding:0;margin:0}ul.get a{color:var(--accent)}
a{color:var(--accent)}code{overflow-wrap:anywhere}
.group-photo{display:block;width:6rem;height:6rem;border-radius:.75rem;object-fit:cover;margin:0 0 .75rem}`;

/** A complete join page: escaped text only, inline CSS allowed by the response's nonce, no script. */
export function joinLayout(input: {
  words: JoinWords;
  nonce: string;
  title: string;
  body: string;
  preview?: PreviewMeta;
}): string {
  const { words, preview } = input;
  const meta = preview
    ? [
        ['og:type', 'website'],
        ['og:site_name', words.brand],
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
  return `<!doctype html><html lang="${escapeHtml(words.lang)}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex">
<title>${escapeHtml(input.title)}</title>${meta}<style nonce="${input.nonce}">${STYLE}</style></head>
<body><main><p class="brand">${escapeHtml(words.brand.toUpperCase())}</p>${input.body}</main></body></html>`;
}

/** Escapes text for the page; every value that is not a fixed tag goes through it. */
export const text = (value: string): string => escapeHtml(value);
