import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import jsQR from 'jsqr';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { type RunningApp, startApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/infra/logging/logger';
import { ManualClock } from '../fakes/manual-clock';
import { describeWithChromium, launchChromium, seriousAxeViolations } from '../support/chromium';

const shots = path.join(__dirname, '..', '..', 'test-output', 'join');
const PHONE = { width: 390, height: 844 };

let app: RunningApp;
let browser: Browser;
let dataDir: string;
const clock = new ManualClock(new Date().toISOString());

// biome-ignore lint/suspicious/noExplicitAny: tests read answers field by field
type Answer = { status: number; body: any };

async function api(
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await fetch(`${app.url}${url}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

async function newGroup(name: string, parentId?: string): Promise<string> {
  const created = await api('POST', '/api/v1/groups', { name, parentId });
  expect(created.status).toBe(201);
  return created.body.group.id;
}

async function newLink(groupId: string, settings: Record<string, unknown> = {}): Promise<string> {
  const link = await api('POST', `/api/v1/groups/${groupId}/invite-links`, settings);
  expect(link.status).toBe(201);
  return link.body.url;
}

async function shot(page: Page, name: string): Promise<void> {
  writeFileSync(path.join(shots, `${name}.png`), await page.screenshot({ fullPage: true }));
}

/**
 * axe needs to run a script, which the page's CSP (rightly) forbids: the page's exact HTML is checked
 * in a context that ignores CSP, at the same viewport.
 */
async function seriousViolations(page: Page): Promise<string[]> {
  const context = await browser.newContext({ bypassCSP: true, viewport: page.viewportSize() });
  const copy = await context.newPage();
  await copy.setContent(await page.content());
  const found = await seriousAxeViolations(copy);
  await context.close();
  return found;
}

describeWithChromium('the join page on a phone', () => {
  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    dataDir = mkdtempSync(path.join(tmpdir(), 'convene-join-'));
    app = await startApp(
      loadConfig({
        PORT: '0',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'silent',
        MICROSOFT_APP_ID: 'b0f5e3a1-0000-4000-8000-00000000b07a',
        MICROSOFT_APP_TENANT_ID: '00000000-0000-0000-0000-00000000c0de',
        MICROSOFT_APP_PASSWORD: 'local-bot-password-unused-here',
      }),
      createLogger('silent'),
      { clock },
    );
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('when someone scans a group poster’s QR code and signs in, then they are in the group, once, as the person the admin added by phone', async () => {
    const parent = await newGroup('Contoso Retail – All stores');
    const groupId = await newGroup('Store 12 – Night shift', parent);
    const added = await api('POST', `/api/v1/groups/${groupId}/members`, { phones: ['+14155550123'] });
    expect(added.status).toBeLessThan(300);

    const poster = await fetch(`${app.url}/api/v1/groups/${groupId}/rollout/poster?format=png`, {
      method: 'POST',
    });
    expect(poster.status).toBe(200);
    const image = PNG.sync.read(Buffer.from(await poster.arrayBuffer()));
    const scanned = jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
    expect(scanned).toBe(poster.headers.get('x-convene-invite-url'));

    const page = await browser.newPage({ viewport: PHONE });
    const errors: string[] = [];
    // CSP violations show up as console errors; the browser's own favicon request is not the page's.
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
        errors.push(message.text());
    });
    page.on('response', (response) => {
      if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) errors.push(response.url());
    });
    const opened = await page.goto(scanned!);
    expect(opened?.status()).toBe(200);
    await page.getByRole('heading', { level: 1, name: 'Join Store 12 – Night shift' }).waitFor();
    const facts = await page.locator('dl').textContent();
    expect(facts).toContain('Contoso Retail – All stores');
    expect(facts).toContain('Local organisation');
    expect(facts).toContain('Local Developer');
    expect(facts).toContain('2 people');
    expect(await page.locator('meta[property="og:title"]').getAttribute('content')).toBe(
      'Join Store 12 – Night shift on Microsoft Teams',
    );
    const teamsLink = await page.getByRole('link', { name: 'Open in Teams' }).getAttribute('href');
    expect(teamsLink).toContain('https://teams.microsoft.com/l/chat/0/0?users=28%3Ab0f5e3a1');
    expect(decodeURIComponent(teamsLink!)).toContain(`join ${scanned}`);
    await shot(page, '01-valid');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Sign in and join' }).click();
    await page.getByRole('heading', { level: 1, name: 'Developer sign-in' }).waitFor();
    await shot(page, '02-developer-sign-in');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Name').fill('Nia Night');
    await page.getByLabel('Mobile number').fill('+1 415 555 0123');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();

    await page.getByRole('heading', { level: 1, name: 'You’re in Store 12 – Night shift' }).waitFor();
    expect(await page.getByRole('link', { name: 'Open in Teams' }).getAttribute('href')).toContain(
      'users=28%3A',
    );
    expect(await page.getByRole('link', { name: 'iPhone' }).getAttribute('href')).toContain('apps.apple.com');
    await shot(page, '03-joined');
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);

    const members = await api('GET', `/api/v1/groups/${groupId}/members`);
    const nia = members.body.members.filter(
      (m: { person: { phone: string } }) => m.person.phone === '+14155550123',
    );
    expect(nia).toHaveLength(1);
    expect(nia[0].state).toBe('joined');
    expect(nia[0].person.displayName).toBe('Nia Night');
    expect(members.body.members).toHaveLength(2);
    await page.close();
  });

  test('when a link is expired, reset, used up, unknown or for organisation accounts only, then each page says so in plain words with its status', async () => {
    const groupId = await newGroup('Warehouse – Lagos');
    const page = await browser.newPage({ viewport: PHONE });

    const orgOnly = await newLink(groupId, { organisationAccountsOnly: true });
    await page.goto(orgOnly);
    await page
      .getByText('People with a Local organisation work account join at once by signing in')
      .waitFor();
    await page.getByRole('button', { name: 'Ask to join' }).waitFor();
    await shot(page, '04-organisation-only');

    const full = await newLink(groupId, { maxUses: 1 });
    const redeemed = await api(
      'POST',
      '/api/v1/invites/redeem',
      { token: full },
      { 'x-convene-local-user': 'someone-else' },
    );
    expect(redeemed.body.outcome).toBe('joined');
    expect((await page.goto(full))?.status()).toBe(410);
    await page.getByRole('heading', { level: 1, name: 'This invite link is full' }).waitFor();
    expect(await page.locator('main').textContent()).toContain('It was for 1 person, who has joined.');
    await shot(page, '05-used-up');

    const reset = await newLink(groupId);
    await api('POST', `/api/v1/groups/${groupId}/invite-links`, { reset: true });
    expect((await page.goto(reset))?.status()).toBe(410);
    await page.getByRole('heading', { level: 1, name: 'This invite link was reset' }).waitFor();
    await shot(page, '06-reset');

    const expiring = await newLink(groupId, { expiresInDays: 1 });
    clock.advanceDays(2);
    expect((await page.goto(expiring))?.status()).toBe(410);
    await page.getByRole('heading', { level: 1, name: 'This invite link has expired' }).waitFor();
    expect(await page.locator('main').textContent()).toMatch(/It stopped working on \w+ \d+, \d{4}\./);
    await shot(page, '07-expired');
    const json = await api('GET', new URL(expiring).pathname, undefined, { accept: 'application/json' });
    expect(json.status).toBe(410);
    expect(json.body).toMatchObject({ status: 'expired', group: { name: 'Warehouse – Lagos' } });

    expect((await page.goto(`${app.url}/join/AAAAAAAAAAAAAAAAAAAAAA`))?.status()).toBe(404);
    await page.getByRole('heading', { level: 1, name: 'We can’t find this invite link' }).waitFor();
    await shot(page, '08-unknown');
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  test('when someone without a work account asks to join a personal group, then the admins have their request and the page says it was sent', async () => {
    const created = await api('POST', '/api/v1/groups', { name: 'Cricket club – Sunday', personal: true });
    const groupId = created.body.group.id;
    const url = await newLink(groupId);
    const page = await browser.newPage({ viewport: PHONE });
    await page.goto(url);
    expect(await page.locator('dl').textContent()).toContain('OrganisationNone: a personal group');
    // First without the country a number without +91 needs: the form comes back as typed, with the reason.
    await page.getByLabel('Your name').fill('Ravi Kumar');
    await page.getByLabel('Your mobile number').fill('98765 43210');
    await page.getByRole('button', { name: 'Ask to join' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByLabel('Your name').inputValue()).toBe('Ravi Kumar');
    expect(await page.getByLabel('Your mobile number').inputValue()).toBe('98765 43210');
    await shot(page, '10a-ask-to-join-needs-country');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Country of your number').selectOption('IN');
    await shot(page, '10-ask-to-join-form');
    await page.getByRole('button', { name: 'Ask to join' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your request was sent' }).waitFor();
    expect(await page.locator('main').textContent()).toContain('admins of Cricket club – Sunday');
    await shot(page, '11-request-sent');
    expect(await seriousViolations(page)).toEqual([]);

    const requests = await api('GET', `/api/v1/groups/${groupId}/join-requests`);
    expect(requests.body.requests).toMatchObject([{ displayName: 'Ravi Kumar', phone: '+919876543210' }]);
    await page.close();
  });

  test('when a link needs an admin’s approval and someone signs in, then they are told their request was sent and are not a member yet', async () => {
    const groupId = await newGroup('Pharmacy – Day team');
    const url = await newLink(groupId, { approvalRequired: true });
    const page = await browser.newPage({ viewport: PHONE });
    await page.goto(url);
    await page.getByText('An admin of the group approves each new member').waitFor();
    // Nothing on the page promises a join at once: every way in waits for an admin here.
    const words = await page.locator('main').textContent();
    expect(words).not.toContain('straight away');
    expect(words).not.toContain('join at once');
    expect(words).toContain('Signing in needs a Local organisation work account.');
    await page.getByRole('button', { name: 'Sign in and ask to join' }).click();
    await page.getByLabel('Name').fill('Pia Patel');
    await page.getByLabel('Mobile number').fill('+1 415 555 0177');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Your request was sent' }).waitFor();
    await shot(page, '12-approval-requested');
    const members = await api('GET', `/api/v1/groups/${groupId}/members`);
    expect(
      members.body.members.map((m: { person: { displayName: string } }) => m.person.displayName),
    ).not.toContain('Pia Patel');
    const requests = await api('GET', `/api/v1/groups/${groupId}/join-requests`);
    expect(requests.body.requests).toMatchObject([{ displayName: 'Pia Patel' }]);
    await page.close();
  });

  test('when a phone set to Hindi opens a link and signs in, then every page on the way is in Hindi', async () => {
    const groupId = await newGroup('Store 7 – Morning shift');
    const url = await newLink(groupId);
    // Chromium sends its locale as Accept-Language, as a phone set to Hindi does.
    const context = await browser.newContext({ viewport: PHONE, locale: 'hi-IN' });
    const page = await context.newPage();
    expect((await page.goto(url))?.status()).toBe(200);
    const html = page.locator('html');
    expect([await html.getAttribute('lang'), await html.getAttribute('dir')]).toEqual(['hi', 'ltr']);
    await page.getByRole('heading', { level: 1, name: 'Store 7 – Morning shift से जुड़ें' }).waitFor();
    expect(await page.locator('dl').textContent()).toContain('1 व्यक्ति');
    expect(await page.getByRole('link', { name: 'हिन्दी' }).getAttribute('aria-current')).toBe('true');
    await shot(page, 'hi-01-valid');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'साइन इन करें और जुड़ें' }).click();
    await page.getByRole('heading', { level: 1, name: 'डेवलपर साइन-इन' }).waitFor();
    await shot(page, 'hi-02-developer-sign-in');
    await page.getByLabel('नाम', { exact: true }).fill('सुनीता देवी');
    await page.getByLabel('मोबाइल नंबर').fill('+91 98765 43211');
    await page.getByRole('button', { name: 'साइन इन करें', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'आप Store 7 – Morning shift में जुड़ गए हैं' }).waitFor();
    await shot(page, 'hi-03-joined');
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  test('when someone picks Arabic on the page, then it runs right to left, stays Arabic on their next visit, and Ask to join answers in Arabic', async () => {
    const created = await api('POST', '/api/v1/groups', { name: 'Souq drivers – Night', personal: true });
    const url = await newLink(created.body.group.id);
    const context = await browser.newContext({ viewport: PHONE, locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(url);
    await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'العربية' }).click();
    await page.getByRole('heading', { level: 1, name: 'انضم إلى Souq drivers – Night' }).waitFor();
    const html = page.locator('html');
    expect([await html.getAttribute('lang'), await html.getAttribute('dir')]).toEqual(['ar', 'rtl']);
    // Right to left: the heading starts at the right edge, the brand sits right of the switcher.
    const heading = (await page.getByRole('heading', { level: 1 }).boundingBox())!;
    const brand = (await page.getByText('CONVENE', { exact: true }).boundingBox())!;
    const switcher = (await page.getByRole('navigation', { name: 'اللغة' }).boundingBox())!;
    expect(heading.x + heading.width).toBeGreaterThan(PHONE.width - 40);
    expect(brand.x).toBeGreaterThan(switcher.x);
    await shot(page, 'ar-01-valid');
    expect(await seriousViolations(page)).toEqual([]);

    // The next visit, without ?lang=, remembers the choice over the browser's English.
    await page.goto(url);
    await page.getByRole('heading', { level: 1, name: 'انضم إلى Souq drivers – Night' }).waitFor();

    await page.getByLabel('اسمك').fill('سارة أحمد');
    await page.getByLabel('رقم هاتفك المحمول').fill('050 123 4567');
    await page.getByRole('button', { name: 'اطلب الانضمام' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByLabel('اسمك').inputValue()).toBe('سارة أحمد');
    await shot(page, 'ar-02-ask-to-join-needs-country');
    await page.getByLabel('بلد رقمك').selectOption('AE');
    await page.getByRole('button', { name: 'اطلب الانضمام' }).click();
    await page.getByRole('heading', { level: 1, name: 'أُرسل طلبك' }).waitFor();
    expect(await page.locator('main').textContent()).toContain('مسؤولي Souq drivers – Night');
    await shot(page, 'ar-03-request-sent');
    expect(await seriousViolations(page)).toEqual([]);

    expect((await page.goto(`${app.url}/join/AAAAAAAAAAAAAAAAAAAAAA`))?.status()).toBe(404);
    await page.getByRole('heading', { level: 1, name: 'لم نعثر على رابط الدعوة هذا' }).waitFor();
    await shot(page, 'ar-04-unknown');
    await context.close();
  });

  test('when the page is opened at 320 px in dark mode, then it fits the screen and follows the dark scheme', async () => {
    const groupId = await newGroup(
      'Drivers with a very long group name that must wrap – Western region, night routes',
    );
    const url = await newLink(groupId, { maxUses: 25 });
    const page = await browser.newPage({ viewport: { width: 320, height: 640 }, colorScheme: 'dark' });
    await page.goto(url);
    type Dom = { document: { documentElement: { scrollWidth: number }; body: unknown } };
    type Styles = { getComputedStyle: (e: unknown) => { backgroundColor: string } };
    const width = await page.evaluate(
      () => (globalThis as unknown as Dom).document.documentElement.scrollWidth,
    );
    expect(width).toBeLessThanOrEqual(320);
    const background = await page.evaluate(() => {
      const g = globalThis as unknown as Dom & Styles;
      return g.getComputedStyle(g.document.body).backgroundColor;
    });
    expect(background).toBe('rgb(27, 27, 27)');
    await shot(page, '09-dark-320');
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  test('when there is no bot to open and the page says which link to send in Teams, then the link wraps inside 320 px', async () => {
    // Local mode without a bot registration, as `npm start` runs on a fresh machine.
    const botlessDir = mkdtempSync(path.join(tmpdir(), 'convene-join-botless-'));
    const botless = await startApp(
      loadConfig({ PORT: '0', DATA_DIR: botlessDir, LOG_LEVEL: 'silent' }),
      createLogger('silent'),
    );
    try {
      const created = await fetch(`${botless.url}/api/v1/groups`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Depot 4 – Early shift' }),
      });
      const groupId = ((await created.json()) as { group: { id: string } }).group.id;
      const link = await fetch(`${botless.url}/api/v1/groups/${groupId}/invite-links`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      const url = ((await link.json()) as { url: string }).url;
      const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
      const page = await context.newPage();
      await page.goto(url);
      await page.getByText(`In Teams, send this to the Convene app: join ${url}`).waitFor();
      type Dom = { document: { documentElement: { scrollWidth: number } } };
      const width = await page.evaluate(
        () => (globalThis as unknown as Dom).document.documentElement.scrollWidth,
      );
      expect(width).toBeLessThanOrEqual(320);
      await shot(page, '13-no-bot-320');
      await context.close();
    } finally {
      await botless.stop();
      rmSync(botlessDir, { recursive: true, force: true });
    }
  });
});
