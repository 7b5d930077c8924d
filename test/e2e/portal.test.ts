import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { type AppHarness, startHarness } from '../support/app-harness';
import { describeWithChromium, launchChromium, seriousAxeViolations } from '../support/chromium';

/**
 * The management portal end to end: the built tab served by the real server on SQLite, driven in
 * Chromium the way an org admin and a champ would use it. Screenshots land in test-output/portal/.
 */
const root = path.resolve(__dirname, '../..');
const shots = path.join(root, 'test-output', 'portal');
jest.setTimeout(120_000);

const csv = (rows: string[]) =>
  Buffer.from(`Group Name,Phone Number,User Type\n${rows.join('\n')}\n`, 'utf8');
const badFile = csv([
  'Warehouse Team,9988554410,Member',
  'Warehouse Team,12345,Member',
  'Warehouse Team,9988554411,Boss',
  'Drivers,9988554412,Admin',
]);
const goodFile = csv([
  'Warehouse Team,9988554410,Member',
  'Warehouse Team,9988554413,Member',
  'Warehouse Team,9988554411,Admin',
  'Drivers,9988554412,Admin',
]);

describeWithChromium('the management portal in Chromium', () => {
  let h: AppHarness;
  let browser: Browser;
  let page: Page;
  const shot = (name: string) => page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    h = await startHarness({ TAB_DIR: path.join(root, 'tab', 'dist'), DEFAULT_REGION: 'IN' });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  async function createGroup(name: string, parent?: string) {
    await page.goto(`${h.app.url}/tab/#/groups`);
    await page.getByRole('button', { name: 'Create group' }).click();
    await page.getByLabel('Group name').fill(name);
    if (parent) await page.getByLabel('Parent group (optional)').selectOption({ label: parent });
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
  }

  test('when an org admin builds a hierarchy and adds people by phone, then each number gets its result', async () => {
    await page.goto(`${h.app.url}/tab/`);
    await page.getByText('Developer identity').waitFor();
    await page.getByText('Nothing to manage yet').or(page.getByText('No one invited yet')).first().waitFor();
    await shot('01-home-empty');

    await createGroup('Contoso – All Employees');
    await createGroup('Contoso – Sales (East)', 'Contoso – All Employees');

    await page.getByLabel('Region').selectOption('IN');
    const phones = page.getByLabel('Phone numbers');
    await phones.fill('9988554401, 9988554402, 12');
    await page.getByRole('button', { name: 'Add users' }).click();
    const results = page.getByRole('table', { name: 'Results' });
    await results.waitFor();
    await expect(results.getByText('Added', { exact: true }).count()).resolves.toBe(2);
    await expect(results.getByText('Invalid', { exact: true }).count()).resolves.toBe(1);
    await expect(
      results.getByText(/not a valid phone number for region IN: it is too short/).count(),
    ).resolves.toBe(1);
    expect(await phones.inputValue()).toBe('9988554401, 9988554402, 12');
    const members = page.getByRole('table', { name: 'Members' });
    await members.getByText('+919988554402').waitFor();
    const invites = page.getByRole('table', { name: 'Invite cards' });
    await invites.waitFor();
    expect(await invites.locator('tbody tr').count()).toBe(2);
    await shot('02-group-page');

    await page.goto(`${h.app.url}/tab/#/groups`);
    const tree = page.getByRole('tree', { name: 'Group hierarchy' });
    await tree.getByText('Contoso – Sales (East)').waitFor();
    await shot('03-groups-tree');
  });

  test('when an org admin limits an invite link to the organisation, then the link says so', async () => {
    await page.goto(`${h.app.url}/tab/#/groups`);
    await page.getByRole('tree', { name: 'Group hierarchy' }).getByText('Contoso – Sales (East)').click();
    await page.getByRole('heading', { level: 1, name: 'Contoso – Sales (East)' }).waitFor();
    const onlyOrganisation = page.getByRole('switch', { name: 'Only Local organisation accounts' });
    expect(await onlyOrganisation.isEnabled()).toBe(true);
    await onlyOrganisation.check();
    await page.getByRole('button', { name: 'New invite link' }).click();
    await page.getByText(/only for Local organisation accounts/).waitFor();
    expect(await page.getByLabel('Invite link').inputValue()).toMatch(/\/join\/[A-Za-z0-9_-]{22}$/);
    await shot('02b-invite-link-organisation-only');
  });

  test('when an org admin creates the team of an organisation group, then the page follows it until the team is ready', async () => {
    await page.goto(`${h.app.url}/tab/#/groups`);
    await page.getByRole('tree', { name: 'Group hierarchy' }).getByText('Contoso – All Employees').click();
    await page.getByRole('heading', { level: 1, name: 'Contoso – All Employees' }).waitFor();
    await page.getByText('No team yet').waitFor();
    await shot('02c-team-not-created');
    await page.getByRole('button', { name: 'Create team' }).click();
    // The server's provisioning worker (the local stand-in here) picks the job up within a second.
    await page.getByText('Team ready').waitFor({ timeout: 15_000 });
    await page.getByText(/local stand-in/).waitFor();
    expect(await page.getByRole('button', { name: 'Create team' }).count()).toBe(0);
    await shot('02d-team-ready');
  });

  test('when a file has problems, then every one is listed with its line; when fixed, then the job completes', async () => {
    await page.goto(`${h.app.url}/tab/#/upload`);
    await page
      .getByTestId('upload-file')
      .setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: badFile });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByText(/problems? needs? fixing/).waitFor();
    const problems = page.getByRole('table', { name: 'Problems in the file table' });
    await problems.waitFor();
    const rows = await problems.locator('tbody tr').allInnerTexts();
    expect(rows.some((row) => row.startsWith('3\t') && row.includes('PHONE_INVALID'))).toBe(true);
    expect(rows.some((row) => row.startsWith('4\t') && row.includes('User Type'))).toBe(true);
    await expect(page.getByRole('button', { name: 'Upload', exact: true }).isDisabled()).resolves.toBe(true);
    await shot('04-upload-problems');

    await page
      .getByTestId('upload-file')
      .setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: goodFile });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByText('The file is ready').waitFor();
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await page.getByRole('progressbar').waitFor();
    await page.getByText('Completed', { exact: true }).waitFor({ timeout: 30_000 });
    await expect(page.getByText('Members added: 4').count()).resolves.toBe(1);
    await shot('05-upload-completed');

    await page.goto(`${h.app.url}/tab/#/jobs`);
    const jobs = page.getByRole('table', { name: 'Upload jobs' });
    await jobs.getByText('completed').waitFor();
    await shot('06-jobs');
    await jobs.locator('tbody tr', { hasText: 'completed' }).getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: /^Job of / }).waitFor();
    await page.getByText('SHA-256').waitFor();
    await shot('07-job-log');
  });

  test('when an org admin creates the teams of every group at once, then the tree shows each team', async () => {
    await page.goto(`${h.app.url}/tab/#/groups`);
    const tree = page.getByRole('tree', { name: 'Group hierarchy' });
    await tree.getByText('Warehouse Team').waitFor();
    expect(await tree.getByText('no team yet').count()).toBeGreaterThan(0);
    await shot('03b-groups-without-teams');
    await page.getByRole('button', { name: /^Create teams \(\d+ groups?\)$/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(/Every group of Local organisation without a team/).waitFor();
    await dialog.getByRole('button', { name: 'Create teams', exact: true }).click();
    await page.getByText(/^Creating \d+ teams?; each group shows how far it got\.$/).waitFor();
    // The server's provisioning worker (the local stand-in) works through them within seconds; the
    // page is loaded afresh each time, as someone coming back to it would.
    const badges = (label: string) => page.getByText(label, { exact: true }).count();
    const unfinished = async () =>
      (await badges('no team yet')) + (await badges('team being created')) + (await badges('team failed'));
    for (let i = 0; i < 30; i++) {
      await page.reload();
      await tree.getByText('Warehouse Team').waitFor();
      if ((await unfinished()) === 0) break;
      await page.waitForTimeout(500);
    }
    expect(await unfinished()).toBe(0);
    expect(await badges('team')).toBe(4);
    expect(await page.getByRole('button', { name: /^Create teams/ }).count()).toBe(0);
    await shot('03c-groups-with-teams');
  });

  test('when a group has more members than a page, then the table shows the first page and Show more adds the next', async () => {
    const created = await h.request('POST', '/api/v1/groups', { name: 'Big depot' });
    const groupId = created.body.group.id;
    const phones = Array.from({ length: 149 }, (_, i) => `97700${String(i).padStart(5, '0')}`);
    await h.request('POST', `/api/v1/groups/${groupId}/members`, { phones });
    await page.goto(`${h.app.url}/tab/#/groups/${groupId}`);
    const rows = page.getByRole('table', { name: 'Members' }).getByRole('row');
    const more = page.getByRole('button', { name: 'Show more (100 of 150 shown)' });
    await more.waitFor();
    expect(await rows.count()).toBe(101); // the header and 100 members
    await more.click();
    await page.getByRole('button', { name: /Show more/ }).waitFor({ state: 'detached' });
    expect(await rows.count()).toBe(151);
    await page.getByText('+91 97700 00148').or(page.getByText('+919770000148')).first().waitFor();
  });

  test('when the portal is shown in the dark theme, then the page is dark', async () => {
    await page.goto(`${h.app.url}/tab/?theme=dark#/home`);
    const provider = page.locator('[data-theme="dark"]');
    await provider.waitFor();
    // Evaluated as text: the test itself is compiled without the browser's DOM types.
    const background = await page.evaluate<string>(
      'getComputedStyle(document.querySelector("main").parentElement).backgroundColor',
    );
    const [r, g, b] = background.match(/\d+/g)!.map(Number);
    expect(r! + g! + b!).toBeLessThan(150);
    await shot('08-home-dark');
  });

  test('when the pages are checked with axe, then there is no serious accessibility violation', async () => {
    const serious: string[] = [];
    for (const route of ['#/home', '#/groups', '#/upload', '#/jobs', '#/champs']) {
      await page.goto(`${h.app.url}/tab/${route}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      const violations = await seriousAxeViolations(page);
      serious.push(...violations.map((v) => `${route} ${v}`));
    }
    expect(serious).toEqual([]);
  });

  test('when someone uses only the keyboard, then the sections are reachable', async () => {
    await page.goto(`${h.app.url}/tab/#/home`);
    await page.getByRole('tab', { name: 'Home' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Groups' }).waitFor();
  });

  test('when a champ opens the portal, then they see only their group and are refused another', async () => {
    const created = await h.request('POST', '/api/v1/groups', { name: 'Night shift' });
    const other = await h.request('POST', '/api/v1/groups', { name: 'Head office' });
    const champHeaders = {
      'x-convene-local-user': 'champ-e2e',
      'x-convene-local-user-name': 'Chandra Champ',
    };
    const me = await fetch(`${h.app.url}/api/v1/me`, { headers: champHeaders }).then(
      (r) => r.json() as Promise<{ personId: string }>,
    );
    await h.request('POST', `/api/v1/groups/${created.body.group.id}/champs`, { personId: me.personId });

    const context = await browser.newContext({
      extraHTTPHeaders: champHeaders,
      viewport: { width: 1280, height: 900 },
    });
    const champPage = await context.newPage();
    try {
      await champPage.goto(`${h.app.url}/tab/#/groups`);
      const tree = champPage.getByRole('tree', { name: 'Group hierarchy' });
      await tree.getByText('Night shift').waitFor();
      expect(await tree.getByRole('treeitem').count()).toBe(1);
      expect(await champPage.getByRole('button', { name: 'Create group' }).count()).toBe(0);
      await champPage.goto(`${h.app.url}/tab/#/groups/${other.body.group.id}`);
      await champPage.getByText('Not allowed').waitFor();
      await champPage.screenshot({ path: path.join(shots, '09-champ-refused.png'), fullPage: true });
    } finally {
      await context.close();
    }
  });
});
