import { gzipSync } from 'node:zlib';
import { type AppHarness, startHarness } from '../../support/app-harness';

let h: AppHarness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

/** A new group's working link, as its path (`/join/<token>`). */
async function linkTo(name: string, settings: Record<string, unknown> = {}): Promise<string> {
  const group = await h.request('POST', '/api/v1/groups', { name });
  const link = await h.request('POST', `/api/v1/groups/${group.body.group.id}/invite-links`, settings);
  return new URL(link.body.url).pathname;
}

async function open(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${h.app.url}${path}`, { headers: { accept: 'text/html', ...headers } });
  const html = await response.text();
  return { response, html, words: html.replace(/<\/?bdi[^>]*>/g, '') };
}

const htmlTag = (html: string) => /<html[^>]*>/.exec(html)?.[0];

describe('the join page in the reader’s language', () => {
  test('when a Hindi phone opens a link, then the page is in Hindi, left to right, with the group’s facts in Hindi words', async () => {
    const path = await linkTo('Store 12 – Night shift', { maxUses: 5 });
    const { response, html, words } = await open(path, { 'accept-language': 'hi-IN,hi;q=0.9,en;q=0.5' });
    expect(response.status).toBe(200);
    expect(htmlTag(html)).toBe('<html lang="hi" dir="ltr">');
    expect(words).toContain('<h1>Store 12 – Night shift से जुड़ें</h1>');
    expect(words).toContain('साइन इन करें और जुड़ें');
    expect(words).toContain('1 व्यक्ति');
    expect(words).toContain('5 और लोग');
    expect(html).toContain(
      '<meta property="og:title" content="Microsoft Teams पर Store 12 – Night shift से जुड़ें">',
    );
    expect(html).toContain(
      '<meta name="description" content="Local Developer ने आपको Store 12 – Night shift (Local organisation) में बुलाया है।',
    );
    expect(response.headers.get('vary')).toContain('Accept-Language');
    // Only choosing a language is remembered; the browser's header alone sets nothing.
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  test('when an Arabic phone opens a link, then the page runs right to left in Arabic, with the link’s name and the command isolated', async () => {
    const path = await linkTo('Warehouse – Lagos');
    const { html, words } = await open(path, { 'accept-language': 'ar-EG,ar;q=0.9' });
    expect(htmlTag(html)).toBe('<html lang="ar" dir="rtl">');
    expect(words).toContain('<h1>انضم إلى Warehouse – Lagos</h1>');
    expect(html).toContain('<h1>انضم إلى <bdi>Warehouse – Lagos</bdi></h1>');
    expect(words).toContain('سجّل الدخول وانضم');
    expect(words).toContain('اطلب الانضمام');
    expect(words).toContain('شخص واحد');
    expect(html).toContain('<input id="ask-phone" name="phone" type="tel" dir="ltr"');
  });

  test('when a language the page does not speak is preferred, then it is English, and Hindi second on the list still wins over nothing', async () => {
    const path = await linkTo('Depot 4');
    expect(htmlTag((await open(path, { 'accept-language': 'fr-FR,fr;q=0.9' })).html)).toBe(
      '<html lang="en" dir="ltr">',
    );
    expect(htmlTag((await open(path, { 'accept-language': 'fr;q=1,hi;q=0.5' })).html)).toBe(
      '<html lang="hi" dir="ltr">',
    );
  });

  test('when someone picks Arabic in the switcher, then the page is Arabic, the choice is remembered over the browser’s language, and the link is unused', async () => {
    const path = await linkTo('Pharmacy – Day team', { maxUses: 2 });
    const english = await open(path, { 'accept-language': 'en-GB' });
    const switcher = /<nav aria-label="Language"><ul>(.*?)<\/ul><\/nav>/.exec(english.html)?.[1] ?? '';
    expect(switcher).toContain('<a href="?lang=ar" lang="ar" hreflang="ar" dir="rtl">العربية</a>');
    expect(switcher).toContain('<a href="?lang=hi" lang="hi" hreflang="hi" dir="ltr">हिन्दी</a>');
    expect(switcher).toContain('aria-current="true">English</a>');

    const chosen = await open(`${path}?lang=ar`, { 'accept-language': 'en-GB' });
    expect(htmlTag(chosen.html)).toBe('<html lang="ar" dir="rtl">');
    const cookie = chosen.response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^convene_lang=ar;/);
    expect(cookie).toMatch(/Path=\/join/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toContain(path.split('/').pop());

    const later = await open(path, { 'accept-language': 'en-GB', cookie: cookie.split(';')[0]! });
    expect(htmlTag(later.html)).toBe('<html lang="ar" dir="rtl">');
    expect(later.words).toContain('<h1>انضم إلى Pharmacy – Day team</h1>');

    const facts = await fetch(`${h.app.url}${path}`, { headers: { accept: 'application/json' } });
    expect(((await facts.json()) as { usesLeft: number }).usesLeft).toBe(2);
  });

  test('when ?lang= names a language Convene does not speak, then it is ignored and nothing is remembered', async () => {
    const path = await linkTo('Canteen');
    const { response, html } = await open(`${path}?lang=xx%22%3E`, { 'accept-language': 'hi' });
    expect(htmlTag(html)).toBe('<html lang="hi" dir="ltr">');
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(html).not.toContain('xx">');
  });

  test('when a link is dead, then its page says so in Hindi and Arabic, with the date in the reader’s language', async () => {
    const path = await linkTo('Night drivers', { maxUses: 3 });
    const groupPath = path; // the reset below makes this link dead
    const group = (await h.request('GET', '/api/v1/groups')).body.groups.find(
      (g: { name: string }) => g.name === 'Night drivers',
    );
    await h.request('POST', `/api/v1/groups/${group.id}/invite-links`, { reset: true });
    const hindi = await open(groupPath, { 'accept-language': 'hi' });
    expect(hindi.response.status).toBe(410);
    expect(hindi.words).toContain('<h1>यह न्योता लिंक बदल दिया गया है</h1>');
    expect(hindi.words).toMatch(/ग्रुप के एडमिन ने .+ को इसकी जगह नया लिंक बना दिया।/);
    const arabic = await open(groupPath, { 'accept-language': 'ar' });
    expect(htmlTag(arabic.html)).toBe('<html lang="ar" dir="rtl">');
    expect(arabic.words).toContain('<h1>أُعيد تعيين رابط الدعوة هذا</h1>');
    const unknown = await open('/join/AAAAAAAAAAAAAAAAAAAAAA', { 'accept-language': 'ar' });
    expect(unknown.response.status).toBe(404);
    expect(unknown.words).toContain('<h1>لم نعثر على رابط الدعوة هذا</h1>');
  });

  test('when a program asks for JSON in Arabic, then the answer is the same English facts as before', async () => {
    const path = await linkTo('Loading bay');
    const group = (await h.request('GET', '/api/v1/groups')).body.groups.find(
      (g: { name: string }) => g.name === 'Loading bay',
    );
    await h.request('POST', `/api/v1/groups/${group.id}/invite-links`, { reset: true });
    const answer = await fetch(`${h.app.url}${path}?lang=ar`, {
      headers: { accept: 'application/json', 'accept-language': 'ar' },
    });
    expect(answer.status).toBe(410);
    const body = (await answer.json()) as { status: string; message: { title: string } };
    expect(body.status).toBe('revoked');
    expect(body.message.title).toBe('This invite link was reset');
  });

  test('when Ask to join is sent with a number that can’t be read, then the form comes back in Hindi with the typed values', async () => {
    const created = await h.request('POST', '/api/v1/groups', { name: 'Cricket club', personal: true });
    const link = await h.request('POST', `/api/v1/groups/${created.body.group.id}/invite-links`, {});
    const path = new URL(link.body.url).pathname;
    const answer = await fetch(`${h.app.url}${path}/requests`, {
      method: 'POST',
      headers: {
        origin: h.app.url,
        'sec-fetch-site': 'same-origin',
        'content-type': 'application/x-www-form-urlencoded',
        'accept-language': 'hi',
      },
      body: new URLSearchParams({ name: 'रवि कुमार', phone: '98765 43210' }).toString(),
    });
    expect(answer.status).toBe(400);
    const html = await answer.text();
    expect(htmlTag(html)).toBe('<html lang="hi" dir="ltr">');
    expect(html).toContain('role="alert"');
    expect(html).toContain('value="रवि कुमार"');
    expect(html).toContain('आपके नंबर का देश');
    // A POST's answer has no switcher: a link can't show it again.
    expect(html).not.toContain('<nav');
  });
  test('when a sign-in comes back refused, then the reason is in the reader’s language and the page repeats no part of the callback’s address', async () => {
    const { response, html, words } = await open('/join/callback?code=SecretCode123&state=stolen', {
      'accept-language': 'ar',
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(htmlTag(html)).toBe('<html lang="ar" dir="rtl">');
    expect(words).toContain('<h1>تعذّر تسجيل دخولك</h1>');
    expect(html).not.toContain('SecretCode123');
    expect(html).not.toContain('<nav');
  });
  test('when the page is in Hindi or Arabic, then a first visit still fits J1’s 20 KB (gzip)', async () => {
    const created = await h.request('POST', '/api/v1/groups', {
      name: 'Depot 9 – Late shift',
      personal: true,
    });
    const link = await h.request('POST', `/api/v1/groups/${created.body.group.id}/invite-links`, {});
    // A personal group's page is the largest: it lists every country for Ask to join.
    const path = new URL(link.body.url).pathname;
    for (const language of ['hi', 'ar']) {
      const { html } = await open(path, { 'accept-language': language });
      expect(gzipSync(Buffer.from(html), { level: 9 }).length).toBeLessThan(20 * 1024);
    }
  });
  test('when a phone goes over the public pages’ budget, then the busy page is in its language, and ?lang= is honoured there too', async () => {
    const busy = await startHarness({ PUBLIC_RATE_LIMIT_PER_MINUTE: '1' });
    try {
      const page = (query: string, language: string) =>
        fetch(`${busy.app.url}/join/AAAAAAAAAAAAAAAAAAAAAA${query}`, {
          headers: { accept: 'text/html', 'accept-language': language },
        });
      await (await page('', 'ar')).text();
      const arabic = await page('', 'ar');
      expect(arabic.status).toBe(429);
      const html = await arabic.text();
      expect(htmlTag(html)).toBe('<html lang="ar" dir="rtl">');
      expect(html).toContain('<h1>يُرجى الانتظار قليلًا</h1>');
      const hindi = await (await page('?lang=hi', 'ar')).text();
      expect(htmlTag(hindi)).toBe('<html lang="hi" dir="ltr">');
      expect(hindi).toContain('<h1>कृपया थोड़ा रुकें</h1>');
    } finally {
      await busy.close();
    }
  });
});
