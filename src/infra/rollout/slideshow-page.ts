import type { Slide } from '../../domain/rollout/content/slides';
import type { Translator } from '../../i18n/translator';

const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** What the "join" slide shows: a group's QR code, or why there is none. */
export type SlideshowJoin =
  | { kind: 'group'; groupName: string; inviteUrl: string; qrSvg: string; validUntil: string | null }
  /** Already in the page's language (print.slideshow.*). */
  | { kind: 'none'; message: string };

/**
 * The lobby slideshow: full-screen slides that rotate every few seconds (arrow keys and clicks move by
 * hand, F or the button goes full screen). Self-contained: inline CSS and script allowed by a nonce only.
 * In the translator's language, with `lang` and `dir` on the page (Arabic lays out right to left; the
 * invite link stays left to right).
 */
export function slideshowPage(input: {
  slides: readonly Slide[];
  join: SlideshowJoin;
  seconds: number;
  nonce: string;
  t: Translator;
}): string {
  const { t } = input;
  const sections = input.slides.map((slide) => {
    const lines = slide.lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('');
    if (slide.id !== 'join')
      return `<section class="slide" data-slide="${slide.id}"><h1>${escapeHtml(slide.title)}</h1>${lines}</section>`;
    const join = input.join;
    const body =
      join.kind === 'group'
        ? `<div class="join"><div class="qr" role="img" aria-label="${escapeHtml(t.t('print.slideshow.qrLabel', { group: join.groupName }))}">${join.qrSvg}</div>` +
          `<div><h2>${escapeHtml(join.groupName)}</h2>${lines}<p class="link" dir="ltr">${escapeHtml(join.inviteUrl)}</p>` +
          (join.validUntil
            ? `<p class="small">${escapeHtml(t.t('print.slideshow.validUntil', { date: join.validUntil }))}</p>`
            : '') +
          '</div></div>'
        : `<p>${escapeHtml(join.message)}</p>`;
    return `<section class="slide" data-slide="join"><h1>${escapeHtml(slide.title)}</h1>${body}</section>`;
  });
  const dots = input.slides.map((_, i) => `<span class="dot" data-dot="${i}"></span>`).join('');
  return `<!doctype html>
<html lang="${t.locale}" dir="${t.dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t.t('print.slideshow.pageTitle'))}</title>
<style nonce="${input.nonce}">
*{box-sizing:border-box}html,body{margin:0;height:100%;background:#0E7A6D;color:#fff;font-family:"Segoe UI",system-ui,sans-serif;overflow:hidden}
.slide{position:absolute;inset:0;padding:6vh 7vw;display:flex;flex-direction:column;justify-content:center;opacity:0;transition:opacity .8s}
.slide.active{opacity:1}h1{font-size:6vw;line-height:1.1;margin:0 0 4vh}h2{font-size:4vw;margin:0 0 3vh}
p{font-size:3vw;line-height:1.35;margin:0 0 2.2vh;max-width:70vw}.small{font-size:2vw;opacity:.85}
.link{font-size:1.8vw;word-break:break-all;opacity:.9}.join{display:flex;gap:5vw;align-items:center}
.qr{background:#fff;padding:1.5vw;border-radius:1.5vw;width:34vw;height:34vw;flex:none}.qr svg{width:100%;height:100%;display:block}
.brand{position:fixed;inset-inline-start:7vw;bottom:4vh;font-size:1.6vw;letter-spacing:.2em;opacity:.8}
.dots{position:fixed;inset-inline-end:7vw;bottom:4vh;display:flex;gap:.8vw}.dot{width:1vw;height:1vw;border-radius:50%;background:#fff;opacity:.35}
.dot.active{opacity:1}button{position:fixed;top:3vh;inset-inline-end:3vw;font:inherit;font-size:1.2vw;padding:.6vw 1.2vw;border-radius:.5vw;border:2px solid #fff;background:transparent;color:#fff;cursor:pointer}
:fullscreen button{display:none}
</style></head><body>
${sections.join('\n')}
<div class="brand">CONVENE</div><div class="dots">${dots}</div><button type="button" id="fullscreen">${escapeHtml(t.t('print.slideshow.fullScreen'))}</button>
<script nonce="${input.nonce}">
(function () {
  var slides = document.querySelectorAll('.slide'), dots = document.querySelectorAll('.dot'), current = 0, timer;
  function show(i) {
    current = (i + slides.length) % slides.length;
    slides.forEach(function (s, k) { s.classList.toggle('active', k === current); });
    dots.forEach(function (d, k) { d.classList.toggle('active', k === current); });
    clearTimeout(timer); timer = setTimeout(function () { show(current + 1); }, ${input.seconds * 1000});
  }
  function fullscreen() { if (!document.fullscreenElement) document.documentElement.requestFullscreen().catch(function () {}); }
  document.getElementById('fullscreen').addEventListener('click', fullscreen);
  document.addEventListener('keydown', function (e) {
    if (e.key === 'ArrowRight' || e.key === ' ') show(current + 1);
    else if (e.key === 'ArrowLeft') show(current - 1);
    else if (e.key === 'f' || e.key === 'F') fullscreen();
  });
  document.body.addEventListener('click', function (e) { if (e.target.id !== 'fullscreen') show(current + 1); });
  show(0);
})();
</script></body></html>`;
}
