import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { LOCAL_USER_HEADER, LOCAL_USER_NAME_HEADER } from '../../src/server/auth/request-authenticator';
import { type AppHarness, startHarness } from '../support/app-harness';
import { describeWithChromium, launchChromium, openSection, seriousAxeViolations } from '../support/chromium';

/**
 * The People without an account page in local mode: the developer (an org admin) searches and filters
 * the people known only by phone, looks one up again (the local directory has their account), exports
 * the list, and sees the empty state once everyone has an account. Screenshots land in
 * test-output/people-without-account/.
 */
const root = path.resolve(__dirname, '../..');
const shots = path.join(root, 'test-output', 'people-without-account');
jest.setTimeout(120_000);

describeWithChromium('the People without an account page in Chromium (local mode)', () => {
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
    }).then((r) => r.json());
  const name = (phone: string, displayName: string, extra: { email?: string; employee_id?: string } = {}) =>
    h.app.storage.db
      .updateTable('people')
      .set({ display_name: displayName, ...extra })
      .where('phone', '=', phone)
      .execute();

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    const directoryFile = path.join(os.tmpdir(), `convene-directory-unmatched-${process.pid}.json`);
    writeFileSync(
      directoryFile,
      JSON.stringify([{ phone: '+919988554402', aadObjectId: 'meena-e2e', displayName: 'Meena Iyer' }]),
    );
    h = await startHarness({
      TAB_DIR: path.join(root, 'tab', 'dist'),
      LOCAL_DIRECTORY_FILE: directoryFile,
      DEFAULT_REGION: 'IN',
    });
    const sales = (await api('POST', '/api/v1/groups', { name: 'Sales (East)' })).group;
    const kitchen = (await api('POST', '/api/v1/groups', { name: 'Kitchen' })).group;
    await api('POST', `/api/v1/groups/${sales.id}/members`, { phones: '9988554401, 9988554403' });
    // Meena was added before her account existed: no invite card is waiting, so only Look up again
    // (not invite delivery, which also asks the directory) will find the account the directory now has.
    const at = new Date().toISOString();
    await h.app.storage.db
      .insertInto('people')
      .values({ id: 'meena-phone', phone: '+919988554402', display_name: 'Meena Iyer', created_at: at })
      .execute();
    await h.app.storage.db
      .insertInto('memberships')
      .values({
        group_id: sales.id,
        person_id: 'meena-phone',
        role: 'member',
        source: 'manual',
        state: 'invited',
        invited_by: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await api('POST', `/api/v1/groups/${kitchen.id}/members`, { phones: '9988554401' });
    await api('POST', `/api/v1/groups/${kitchen.id}/members`, { phones: '+1 202 555 0143', region: 'US' });
    await name('+919988554401', 'Ravi Kumar', { email: 'ravi.k@contoso.test', employee_id: 'EMP-0042' });
    await name('+12025550143', 'Dana Brooks');
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  const table = () => page.getByRole('table', { name: 'People without an account' });
  const rows = () =>
    table()
      .getByRole('row')
      .filter({ has: page.getByRole('cell') });
  const rowOf = (text: string) => table().getByRole('row').filter({ hasText: text });

  test('when the org admin opens the page, then everyone known only by phone is listed with groups, who added them and the last lookup', async () => {
    await page.goto(`${h.app.url}/tab/`);
    await openSection(page, 'No account');
    await page.getByRole('heading', { level: 1, name: 'People without an account' }).waitFor();
    await rowOf('Ravi Kumar').waitFor();
    await expect(rows().count()).resolves.toBe(4);
    const ravi = rowOf('Ravi Kumar');
    await ravi.getByText('Kitchen, Sales (East)').waitFor();
    await ravi.getByText('ravi.k@contoso.test · ID EMP-0042').waitFor();
    // Delivering their invite card asked the directory already, and the page says what it found.
    await ravi.getByText('No account').or(ravi.getByText('Not looked up yet')).first().waitFor();
    await ravi.getByText('Local Developer').waitFor();
    await page.getByText('1–4 of 4').waitFor();
    await expect(seriousAxeViolations(page)).resolves.toEqual([]);
    await shot(page, '01-everyone');
  });

  test('when the org admin searches by a number typed another way or filters by group and region, then only those people remain', async () => {
    await page.getByRole('searchbox').fill('099885 54401');
    await page.getByText('1–1 of 1').waitFor();
    await rowOf('Ravi Kumar').waitFor();
    await page.getByRole('searchbox').fill('emp-0042');
    await page.getByText('1–1 of 1').waitFor();
    await page.getByRole('searchbox').fill('nobody here');
    await page.getByText('Nobody matches').waitFor();
    await page.getByRole('searchbox').fill('');
    await page.getByText('1–4 of 4').waitFor();

    await page.getByLabel('Group').selectOption({ label: 'Kitchen' });
    await page.getByText('1–2 of 2').waitFor();
    await page.getByLabel('Region').selectOption({ value: 'US' });
    await page.getByText('1–1 of 1').waitFor();
    await rowOf('Dana Brooks').waitFor();
    await page.getByLabel('Group').selectOption({ value: '' });
    await page.getByLabel('Region').selectOption({ value: '' });
    await page.getByText('1–4 of 4').waitFor();
  });

  test('when the org admin selects Meena with the keyboard and looks her up again, then her account is found and she leaves the list', async () => {
    await page.getByRole('checkbox', { name: 'Select Meena Iyer' }).focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Look up selected again (1)' }).click();
    await page.getByText('Lookup finished').waitFor();
    await page.getByText('Accounts found: 1').waitFor();
    await rowOf('Meena Iyer').waitFor({ state: 'detached' });
    await page.getByText('1–3 of 3').waitFor();
    await expect(page.getByRole('button', { name: 'Look up selected again (0)' }).isDisabled()).resolves.toBe(
      true,
    );
    // The bar's width is animated: let it arrive before the picture.
    await page.waitForTimeout(500);
    await shot(page, '02-after-lookup');

    await page.getByRole('button', { name: 'Look up all again (3)' }).click();
    await page.getByText('Still without an account: 3').waitFor();
    await rowOf('Ravi Kumar').getByText('No account').waitFor();
  });

  test('when the org admin exports the list, then the CSV holds the people shown', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('people-without-account.csv');
    const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^Name,Phone Number,Region,Email,Employee ID,Groups/);
    expect(lines.some((l) => l.startsWith('Ravi Kumar,+919988554401,IN,ravi.k@contoso.test,EMP-0042'))).toBe(
      true,
    );
  });

  test('when the page is opened on a phone, then the rows stack and nothing scrolls sideways', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await phone.goto(`${h.app.url}/tab/#/people-without-account`);
    await phone.getByText('Ravi Kumar').waitFor();
    type Dom = { document: { documentElement: { scrollWidth: number } }; innerWidth: number };
    const overflow = await phone.evaluate(() => {
      const g = globalThis as unknown as Dom;
      return g.document.documentElement.scrollWidth - g.innerWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(phone, '03-phone');
    await phone.close();
  });

  test('when everyone has an account, then the page says so', async () => {
    // Their accounts were linked elsewhere (an invite card answered, a sign-in): each gets its own.
    const left = await h.app.storage.db
      .selectFrom('people')
      .select('id')
      .where('aad_object_id', 'is', null)
      .execute();
    for (const p of left)
      await h.app.storage.db
        .updateTable('people')
        .set({ aad_object_id: `aad-${p.id}` })
        .where('id', '=', p.id)
        .execute();
    await page.reload();
    await page.getByText('Everyone has an account').waitFor();
    await expect(page.getByRole('button', { name: /Export CSV/ }).isDisabled()).resolves.toBe(true);
    await shot(page, '04-everyone-has-an-account');
  });

  test('when someone who is not an org admin opens the portal, then there is no tab and the page says not allowed', async () => {
    const other = await browser.newPage({
      viewport: { width: 1280, height: 700 },
      extraHTTPHeaders: { [LOCAL_USER_HEADER]: 'sam-e2e', [LOCAL_USER_NAME_HEADER]: 'Sam Lee' },
    });
    await other.goto(`${h.app.url}/tab/`);
    await other.getByText('Sam Lee').waitFor();
    await expect(other.getByRole('tab', { name: 'No account' }).count()).resolves.toBe(0);
    await other.goto(`${h.app.url}/tab/#/people-without-account`);
    await other
      .getByText('Only org admins can see and look up the people without an account.')
      .first()
      .waitFor();
    await other.close();
  });
});
