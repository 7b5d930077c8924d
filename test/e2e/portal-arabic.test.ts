import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { type AppHarness, startHarness } from '../support/app-harness';
import { describeWithChromium, launchChromium, seriousAxeViolations } from '../support/chromium';

/**
 * The portal in Arabic (`?lang=ar`, as Teams' `ar-SA` would choose it) in local mode: the page runs right
 * to left, the navigation starts on the right, Users, a person and Org admins speak Arabic with phone
 * numbers still read left to right, axe finds nothing serious, and nothing needs sideways scrolling on a
 * 390 px phone. Screenshots land in test-output/portal-arabic/.
 */
const root = path.resolve(__dirname, '../..');
const shots = path.join(root, 'test-output', 'portal-arabic');
jest.setTimeout(180_000);

describeWithChromium('the portal in Arabic, right to left, in Chromium (local mode)', () => {
  let h: AppHarness;
  let browser: Browser;
  let page: Page;
  const shot = (p: Page, name: string) =>
    p.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
  // biome-ignore lint/suspicious/noExplicitAny: the test reads the answers' ids
  const api = (method: string, url: string, body?: unknown): Promise<any> =>
    fetch(`${h.app.url}${url}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }).then((r) => (r.status === 204 ? undefined : r.json()));
  const open = (p: Page, route: string) => p.goto(`${h.app.url}/tab/?lang=ar#${route}`);
  type Dom = { document: { documentElement: { scrollWidth: number } }; innerWidth: number };
  const sideways = (p: Page) =>
    p.evaluate(() => {
      const g = globalThis as unknown as Dom;
      return g.document.documentElement.scrollWidth - g.innerWidth;
    });

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    h = await startHarness({ TAB_DIR: path.join(root, 'tab', 'dist'), DEFAULT_REGION: 'IN' });
    const kitchen = (await api('POST', '/api/v1/groups', { name: 'المطبخ' })).group;
    const depot = (await api('POST', '/api/v1/groups', { name: 'Depot' })).group;
    await api('POST', `/api/v1/groups/${kitchen.id}/members`, { phones: '9988554401, 9988554402' });
    await api('POST', `/api/v1/groups/${depot.id}/members`, { phones: '9988554401' });
    await api('POST', `/api/v1/groups/${kitchen.id}/champs`, { phone: '9988554402' });
    await h.app.storage.db
      .updateTable('people')
      .set({ display_name: 'ليلى حداد', email: 'layla@contoso.test' })
      .where('phone', '=', '+919988554401')
      .execute();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  const usersTable = (p: Page = page) => p.getByRole('table', { name: 'المستخدمون' });

  test('when the portal opens with ?lang=ar, then the page is Arabic and right to left, the navigation starting on the right', async () => {
    await open(page, '/users');
    await page.getByRole('heading', { level: 1, name: 'المستخدمون' }).waitFor();
    const html = page.locator('html');
    await expect(html.getAttribute('dir')).resolves.toBe('rtl');
    await expect(html.getAttribute('lang')).resolves.toBe('ar');

    const tabs = page.locator('header nav').getByRole('tab');
    const home = (await tabs.filter({ hasText: 'الرئيسية' }).boundingBox())!;
    const groups = (await tabs.filter({ hasText: 'المجموعات' }).boundingBox())!;
    const brand = (await page.locator('header').getByText('Convene', { exact: true }).boundingBox())!;
    // Right to left: the brand at the right edge, then Home, then Groups to its left.
    expect(brand.x).toBeGreaterThan(home.x + home.width - 1);
    expect(home.x).toBeGreaterThan(groups.x + groups.width - 1);
    expect(brand.x + brand.width).toBeGreaterThan(1366 / 2);
  });

  test('when Users is shown in Arabic, then its columns, people, plural words and pager are Arabic and phone numbers still read left to right', async () => {
    await expect(usersTable().getByRole('columnheader').allInnerTexts()).resolves.toEqual([
      'الشخص',
      'الهاتف',
      'الحساب',
      'المجموعات',
    ]);
    const layla = usersTable().getByRole('row').filter({ hasText: 'ليلى حداد' });
    await layla.getByText('بلا حساب').waitFor();
    // Each group name is isolated (U+2068 … U+2069), so a Latin name keeps its place in the Arabic list.
    await layla.getByText(/\u2068Depot\u2069 · مدعو و\u2068المطبخ\u2069 · مدعو/).waitFor();
    const phone = layla.locator('bdi[dir="ltr"]', { hasText: '+91' });
    await expect(phone.textContent()).resolves.toMatch(/^\+91/);
    await page.getByText('1–3 من 3').waitFor();
    await expect(seriousAxeViolations(page)).resolves.toEqual([]);
    await shot(page, '01-users-desktop');
  });

  test('when a person is opened in Arabic, then their facts, groups and dates are in Arabic', async () => {
    await usersTable().getByRole('link', { name: 'ليلى حداد' }).click();
    await page.getByRole('heading', { level: 1, name: 'ليلى حداد' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'المجموعات (2)' }).waitFor();
    await page.getByRole('button', { name: 'إعادة إرسال الدعوات (2)' }).waitFor();
    await page.getByRole('table', { name: 'مجموعات ليلى حداد' }).getByText('مدعو').first().waitFor();
    await expect(seriousAxeViolations(page)).resolves.toEqual([]);
    await shot(page, '02-person-desktop');
  });

  test('when Org admins is shown in Arabic, then its table and form are Arabic and axe finds nothing serious', async () => {
    await open(page, '/org-admins');
    await page.getByRole('heading', { level: 1, name: 'مسؤولو المؤسسة' }).waitFor();
    const table = page.getByRole('table', { name: 'مسؤولو المؤسسة' });
    await expect(table.getByRole('columnheader').allInnerTexts()).resolves.toEqual([
      'الاسم',
      'سبب كونه مسؤول مؤسسة',
      'الإجراءات',
    ]);
    await table.getByText('آخر مسؤول مؤسسة').waitFor();
    // Why they are an org admin is worded by the reason's source, not the server's English.
    await table.getByText('مطوّر محلي', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'اجعله مسؤول مؤسسة' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'إنشاء حسابات لمن ليس له حساب' }).waitFor();
    await expect(seriousAxeViolations(page)).resolves.toEqual([]);
    await shot(page, '03-org-admins-desktop');
  });

  test('when a file with problems is uploaded, then its job log words each problem in Arabic with its line and values', async () => {
    const form = new FormData();
    form.set('kind', 'user-group');
    const csv = ['Group Name,Phone Number,User Type,Shift', 'Depot,9988554420,Boss,Night', ''].join('\n');
    form.set('file', new Blob([Buffer.from(csv, 'utf8')]), 'depot.csv');
    const uploaded = await fetch(`${h.app.url}/api/v1/uploads`, { method: 'POST', body: form });
    expect(uploaded.status).toBe(201);
    const answer = (await uploaded.json()) as { job: { id: string } };
    // The API keeps its English message for programs; the tab words the problem by its code.
    const problems = await api('GET', `/api/v1/uploads/${answer.job.id}/problems`);
    expect(JSON.stringify(problems)).toContain('is not one of Admin, Member');

    await open(page, `/jobs/${answer.job.id}`);
    const table = page.getByRole('table').filter({ hasText: 'CSV_UNKNOWN_USER_TYPE' });
    await table.getByText(/قيمة User Type «\u2068Boss\u2069» ليست من بين: Admin و\s?Member\./).waitFor();
    await table.getByText('العمود «\u2068Shift\u2069» ليس جزءًا من القالب، وسيُتجاهل.').waitFor();
    await expect(table.getByText('is not one of').count()).resolves.toBe(0);
    await expect(seriousAxeViolations(page)).resolves.toEqual([]);
    await shot(page, '08-job-log-problems-desktop');
  });

  test('when Champs and People without an account are shown in Arabic, then a champ known by number reads left to right, plurals are Arabic and axe finds nothing serious', async () => {
    await open(page, '/champs');
    await page.getByRole('heading', { level: 1, name: 'السفراء' }).waitFor();
    const line = page.getByTestId('champ-line').filter({ hasText: '+919988554402' });
    await expect(line.textContent()).resolves.toBe(
      'السفير: \u2066+919988554402\u2069 (يظهر الاسم بعد تسجيل دخوله)',
    );
    await page.getByText('3 أعضاء').waitFor();
    await expect(seriousAxeViolations(page)).resolves.toEqual([]);
    await shot(page, '06-champs-desktop');

    await open(page, '/people-without-account');
    await page.getByRole('heading', { level: 1, name: 'أشخاص بلا حساب' }).waitFor();
    await page.getByRole('button', { name: 'إعادة البحث عن الجميع (2)' }).waitFor();
    await page.getByRole('table', { name: 'أشخاص بلا حساب' }).getByText('ليلى حداد').waitFor();
    await expect(seriousAxeViolations(page)).resolves.toEqual([]);
    await shot(page, '07-people-without-account-desktop');
  });

  test('when Users and Org admins are shown on a 390 px phone in Arabic, then nothing needs sideways scrolling', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    await open(phone, '/users');
    await usersTable(phone).getByText('ليلى حداد').waitFor();
    expect(await sideways(phone)).toBeLessThanOrEqual(0);
    await shot(phone, '04-users-phone');
    await open(phone, '/org-admins');
    await phone.getByRole('heading', { level: 1, name: 'مسؤولو المؤسسة' }).waitFor();
    await phone.getByText('آخر مسؤول مؤسسة').waitFor();
    expect(await sideways(phone)).toBeLessThanOrEqual(0);
    await expect(seriousAxeViolations(phone)).resolves.toEqual([]);
    await shot(phone, '05-org-admins-phone');
    await phone.close();
  });
});
