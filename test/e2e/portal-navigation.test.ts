import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { type AppHarness, startHarness } from '../support/app-harness';
import { describeWithChromium, launchChromium } from '../support/chromium';

/**
 * The portal's header in the widths Teams gives it (a laptop, a side panel, a phone): it stays one line,
 * nothing in it is cut off, and every section is reachable, as a tab, from "More", or from the phone's
 * section menu. The Champs page names each group's champs without opening it; a champ is offered only
 * the sections they can use, and a refusal offers no "Try again". Screenshots: test-output/portal-navigation/.
 */
const root = path.resolve(__dirname, '../..');
const shots = path.join(root, 'test-output', 'portal-navigation');
jest.setTimeout(90_000);

const orgAdminSections = [
  'Home',
  'Groups',
  'Users',
  'Announcements',
  'Bulk upload',
  'Jobs',
  'Champs',
  'Resources',
  'No account',
  'Org admins',
];
const champHeaders = { 'x-convene-local-user': 'champ-nav', 'x-convene-local-user-name': 'Chandra Champ' };

/** The header's own box and every element in it that pokes out of it (would be cut off or overlap the page). */
const headerFit = `(() => {
  const header = document.querySelector('header');
  const box = header.getBoundingClientRect();
  const out = [];
  for (const el of header.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || el.closest('[data-tabster-dummy]')) continue;
    if (el.closest('[data-overflowing]') || getComputedStyle(el).visibility === 'hidden') continue;
    if (r.right > box.right + 1 || r.bottom > box.bottom + 1 || r.left < box.left - 1)
      out.push(el.tagName.toLowerCase() + ' "' + (el.textContent || '').trim().slice(0, 30) + '"');
  }
  return { height: Math.round(box.height), out: out.slice(0, 5) };
})()`;

describeWithChromium('the portal navigation at every width', () => {
  let h: AppHarness;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    h = await startHarness({ TAB_DIR: path.join(root, 'tab', 'dist'), DEFAULT_REGION: 'IN' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  /** The sections a person can reach from the header as it is drawn now: visible tabs, then "More" or the phone menu. */
  async function reachableSections(page: Page): Promise<string[]> {
    const nav = page.getByRole('navigation', { name: 'Sections' });
    const tabs: string[] = [];
    for (const tab of await nav.getByRole('tab').all()) {
      if ((await tab.getAttribute('aria-label'))?.startsWith('More sections')) continue;
      // biome-ignore lint/performance/useDomNodeTextContent: a Fluent tab repeats its label in a hidden box (it reserves the bold width); only the drawn text counts
      if (await tab.isVisible()) tabs.push((await tab.innerText()).trim());
    }
    const more = nav.getByRole('tab', { name: /More sections/ });
    const menu = nav.getByRole('button', { name: /Home|Groups|Champs|Sections/ });
    let listed: string[] = [];
    if (await more.isVisible()) {
      await more.click();
      listed = (await page.getByRole('menuitem').allInnerTexts()).map((t) => t.trim());
      await page.keyboard.press('Escape');
    } else if (tabs.length === 0 && (await menu.first().isVisible())) {
      await menu.first().click();
      listed = (await page.getByRole('menuitemradio').allInnerTexts()).map((t) => t.trim());
      await page.keyboard.press('Escape');
    }
    return [...tabs, ...listed];
  }

  test.each([
    [1366, 'tabs, any that do not fit behind More'],
    [800, 'some behind More'],
    [400, 'the phone menu'],
  ])(
    'when the window is %i px wide, then the header is one line and every section is reachable (%s)',
    async (width, _how) => {
      const page = await browser.newPage({ viewport: { width, height: 800 } });
      try {
        await page.goto(`${h.app.url}/tab/#/groups`);
        await page.getByRole('heading', { level: 1, name: 'Groups' }).waitFor();
        await page.getByText('Org admin', { exact: true }).first().waitFor({ state: 'attached' });
        await page.waitForTimeout(300); // the overflow settles after the first layout
        await page.screenshot({ path: path.join(shots, `header-${width}.png`) });
        const fit = await page.evaluate<{ height: number; out: string[] }>(headerFit);
        expect(fit.out).toEqual([]);
        expect(fit.height).toBeLessThan(70);
        expect((await reachableSections(page)).sort()).toEqual([...orgAdminSections].sort());
        expect(
          await page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth'),
        ).toBe(true);
        if (width === 800) {
          // The section opened stays in sight even when it is one of the last.
          await page.goto(`${h.app.url}/tab/#/org-admins`);
          await page.getByRole('heading', { level: 1 }).first().waitFor();
          await page.waitForTimeout(300);
          const selected = page.getByRole('tab', { selected: true });
          // biome-ignore lint/performance/useDomNodeTextContent: a Fluent tab repeats its label in a hidden box (it reserves the bold width); only the drawn text counts
          expect((await selected.innerText()).trim()).toBe('Org admins');
          expect(await selected.isVisible()).toBe(true);
          await page.screenshot({ path: path.join(shots, 'header-800-org-admins.png') });
          // Picking a section from More opens it.
          await page.getByRole('tab', { name: /More sections/ }).click();
          await page.getByRole('menuitem', { name: 'Resources' }).click();
          await page.getByRole('heading', { level: 1, name: 'Resources' }).waitFor();
        }
      } finally {
        await page.close();
      }
    },
  );

  test('when groups have champs, then the Champs page names them per group without opening any; a champ sees only their sections', async () => {
    const sales = (await h.request('POST', '/api/v1/groups', { name: 'Sales – East' })).body.group;
    await h.request('POST', '/api/v1/groups', { name: 'Drivers' });
    const me = await fetch(`${h.app.url}/api/v1/me`, { headers: champHeaders }).then(
      (r) => r.json() as Promise<{ personId: string }>,
    );
    expect(
      (await h.request('POST', `/api/v1/groups/${sales.id}/champs`, { personId: me.personId })).status,
    ).toBe(201);
    expect(
      (await h.request('POST', `/api/v1/groups/${sales.id}/champs`, { phone: '9988554405' })).status,
    ).toBe(201);

    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    try {
      await page.goto(`${h.app.url}/tab/#/champs`);
      const salesLine = page.getByTestId('champ-line').filter({ hasText: 'Chandra Champ' });
      await salesLine.waitFor();
      expect(await salesLine.textContent()).toBe(
        'Champs: Chandra Champ, +919988554405 (name once they sign in)',
      );
      await expect(page.getByTestId('champ-line').allInnerTexts()).resolves.toContain('No champ yet');
      await page.screenshot({ path: path.join(shots, 'champs-page.png'), fullPage: true });
      // Sending the kit to a champ who never chatted with Convene says so beside that champ.
      await page.getByRole('button', { name: /Sales – East/ }).click();
      const chandra = page.getByRole('listitem').filter({ hasText: 'Chandra Champ' });
      await chandra.getByRole('button', { name: 'Send guidelines and training' }).click();
      await chandra.getByText('has not opened the chat with Convene').waitFor();
      expect(await chandra.getByRole('button', { name: 'Try again' }).count()).toBe(0);
      await page.screenshot({ path: path.join(shots, 'champs-kit-not-sent.png'), fullPage: true });
    } finally {
      await page.close();
    }

    const context = await browser.newContext({
      extraHTTPHeaders: champHeaders,
      viewport: { width: 1366, height: 900 },
    });
    const champPage = await context.newPage();
    try {
      await champPage.goto(`${h.app.url}/tab/#/champs`);
      await champPage.getByTestId('champ-line').first().waitFor();
      const tabs = await champPage
        .getByRole('navigation', { name: 'Sections' })
        .getByRole('tab')
        .allInnerTexts();
      expect(tabs.map((t) => t.trim())).toEqual([
        'Home',
        'Groups',
        'Users',
        'Announcements',
        'Champs',
        'Resources',
      ]);
      await champPage.screenshot({ path: path.join(shots, 'champs-page-as-champ.png'), fullPage: true });
      // Typed in by hand, the upload page is refused by the server, with no "Try again" to press.
      await champPage.goto(`${h.app.url}/tab/#/jobs`);
      await champPage.getByText('Not allowed').first().waitFor();
      expect(await champPage.getByRole('button', { name: 'Try again' }).count()).toBe(0);
      await champPage.screenshot({ path: path.join(shots, 'champ-refused-jobs.png'), fullPage: true });
    } finally {
      await context.close();
    }
  });
});
