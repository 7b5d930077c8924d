import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { type AppHarness, startHarness } from '../support/app-harness';
import { describeWithChromium, launchChromium, seriousAxeViolations } from '../support/chromium';

/**
 * The management portal on a phone (Teams mobile, 390×844): every page fits the screen without
 * sideways scrolling, and no two cells of a table row sit on top of each other. The invite-link
 * panel is checked on a desktop too. Screenshots land in test-output/portal-phone/.
 */
const root = path.resolve(__dirname, '../..');
const shots = path.join(root, 'test-output', 'portal-phone');
jest.setTimeout(60_000);

const groupName = 'Warehouse Team – Night shift, Bengaluru South Distribution Centre';
const askers = [
  ['Venkatanarasimharajuvaripeta Subramanian', '98765 43210'],
  ['Maria Fernanda Gonçalves de Albuquerque', '98765 43211'],
  ['Oluwaseun Adebayo-Ogunleye', '98765 43212'],
  ['Chandrasekhar Ramakrishnan Iyengar', '98765 43213'],
] as const;
const upload = Buffer.from(
  [
    'Group Name,Phone Number,User Type',
    `"${groupName}",9988554410,Member`,
    `"${groupName}",12345,Member`,
    'Drivers – Whitefield depot,9988554411,Admin',
    '',
  ].join('\n'),
  'utf8',
);

// Evaluated as text: the test is compiled without the browser's DOM types.
const fitsTheScreen = 'document.documentElement.scrollWidth <= window.innerWidth';
/** Pairs of cells of one table row whose boxes overlap (their texts would be drawn over each other). */
const overlappingCells = `(() => {
  const found = [];
  for (const row of document.querySelectorAll('tbody tr')) {
    const boxes = [...row.children].filter((c) => c.textContent.trim() !== '').map((c) => c.getBoundingClientRect());
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i], b = boxes[j];
        if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1)
          found.push(row.textContent.slice(0, 60));
      }
  }
  return found;
})()`;

/** Visible elements that reach past the right edge of the screen or of their card (which may clip them). */
const stickingOut = `(() => {
  const found = [];
  for (const element of document.querySelectorAll('main *')) {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || element.closest('[data-tabster-dummy]')) continue;
    const card = element.parentElement.closest('.fui-Card');
    const edge = card ? card.getBoundingClientRect().right : window.innerWidth;
    if (box.right > edge + 1) {
      const text = (element.textContent || element.getAttribute('aria-label') || '').trim().slice(0, 40);
      found.push(element.tagName.toLowerCase() + ' "' + text + '" reaches ' + Math.round(box.right) + ' px');
    }
  }
  return found.slice(0, 5);
})()`;

/** Badges whose words wrap out of them (a badge is one line high). */
const squashedBadges = `[...document.querySelectorAll('main .fui-Badge')]
  .filter((badge) => badge.scrollHeight > badge.clientHeight + 1)
  .map((badge) => badge.textContent)`;

describeWithChromium('the management portal on a phone', () => {
  let h: AppHarness;
  let browser: Browser;
  let page: Page;
  let groupId: string;
  let jobId: string;
  /** What did not fit, page by page: all of it is reported at once. */
  const misfits: string[] = [];

  /** Opens a page, waits for its key text, and checks it fits a phone's width; then a screenshot. */
  async function fits(name: string, route: string, keyTexts: string[]) {
    await page.goto(`${h.app.url}/tab/#${route}`);
    for (const text of keyTexts) {
      const shown = page.getByText(text, { exact: false }).first();
      await shown.waitFor();
      expect(await shown.isVisible()).toBe(true);
    }
    await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
    if (!(await page.evaluate<boolean>(fitsTheScreen))) {
      const wide = await page.evaluate<number>('document.documentElement.scrollWidth');
      misfits.push(`${name} is ${wide} px wide`);
    }
    for (const element of await page.evaluate<string[]>(stickingOut)) misfits.push(`${name}: ${element}`);
    for (const badge of await page.evaluate<string[]>(squashedBadges))
      misfits.push(`${name}: badge "${badge}" wraps`);
    for (const row of await page.evaluate<string[]>(overlappingCells))
      misfits.push(`${name}: cells overlap in "${row}"`);
  }

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    h = await startHarness({ TAB_DIR: path.join(root, 'tab', 'dist'), DEFAULT_REGION: 'IN' });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 390, height: 844 } });

    groupId = (await h.request('POST', '/api/v1/groups', { name: groupName })).body.group.id;
    await h.request('POST', '/api/v1/groups', { name: 'Drivers – Whitefield depot', parentId: groupId });
    const link = await h.request('POST', `/api/v1/groups/${groupId}/invite-links`, {
      organisationAccountsOnly: false,
    });
    for (const [name, phone] of askers) {
      const asked = await h.request('POST', '/api/v1/invites/join-requests', {
        token: link.body.url,
        name,
        phone,
      });
      expect(asked.status).toBe(202);
    }
    // Two of them become members with their long names; the other two still wait.
    const waiting = (await h.request('GET', `/api/v1/groups/${groupId}/join-requests`)).body.requests as {
      id: string;
      displayName: string;
    }[];
    for (const request of waiting.filter(
      (r) => r.displayName !== askers[2][0] && r.displayName !== askers[3][0],
    ))
      expect(
        (await h.request('POST', `/api/v1/groups/${groupId}/join-requests/${request.id}/approve`)).status,
      ).toBeLessThan(300);
    // Numbers added by an admin: each gets an invite card (which the local stand-in cannot deliver).
    await h.request('POST', `/api/v1/groups/${groupId}/members`, { phones: ['9988554401', '9988554402'] });

    const form = new FormData();
    form.set('kind', 'user-group');
    form.set('file', new Blob([upload]), 'night-shift-and-drivers-2026-12.csv');
    const uploaded = await fetch(`${h.app.url}/api/v1/uploads`, { method: 'POST', body: form });
    expect(uploaded.status).toBe(201);
    jobId = ((await uploaded.json()) as { job: { id: string } }).job.id;
    // The rows that are right go in; the job log keeps the one that was not.
    const applied = await h.request('POST', `/api/v1/uploads/${jobId}/apply`, { validRowsOnly: true });
    expect(applied.status).toBe(202);
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  test('when each page is opened at 390 px, then it fits the screen and its rows are readable', async () => {
    await fits('01-home', '/home', ['Bring your work chat to Teams']);
    await fits('02-groups', '/groups', ['Drivers – Whitefield depot']);

    await page.getByRole('button', { name: 'Create group' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Group name').waitFor();
    await page.waitForTimeout(300); // the dialog fades in
    const box = await dialog.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await page.screenshot({ path: path.join(shots, '03-create-group-dialog.png') });
    await page.keyboard.press('Escape');

    await fits('04-group', `/groups/${groupId}`, [
      askers[0][0],
      '+919876543210',
      askers[2][0],
      '+919988554401',
      'Reset links',
    ]);
    const members = page.getByRole('table', { name: 'Members' });
    expect(await members.getByText('+919876543211').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'New invite link' }).click();
    await page.getByLabel('Invite link').waitFor();
    expect(await page.evaluate<boolean>(fitsTheScreen)).toBe(true);
    await page.getByRole('heading', { name: 'Invite link' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, '05-group-invite-link.png') });

    await fits('06-upload', '/upload', ['Check the file']);
    await fits('07-jobs', '/jobs', ['night-shift-and-drivers-2026-12.csv']);
    await fits('08-job-log', `/jobs/${jobId}`, ['SHA-256', 'PHONE_INVALID']);
    await fits('09-champs', '/champs', [groupName]);
    await fits('10-org-admins', '/org-admins', ['Here you can name others']);
    await fits('11-resources', '/resources', ['Rollout resources']);
    await page
      .getByLabel('Group for posters, templates and the slideshow')
      .selectOption({ label: groupName });
    await page.getByRole('button', { name: 'Fill in for the group' }).click();
    await page.getByRole('region', { name: 'Message templates' }).getByRole('textbox').first().waitFor();
    if (!(await page.evaluate<boolean>(fitsTheScreen)))
      misfits.push('11-resources with its templates is too wide');
    for (const element of await page.evaluate<string[]>(stickingOut))
      misfits.push(`11-resources: ${element}`);
    await page.screenshot({ path: path.join(shots, '12-resources-templates.png'), fullPage: true });
    expect(misfits).toEqual([]);
  });

  test('when the phone layout is checked with axe, then there is no serious accessibility violation', async () => {
    const serious: string[] = [];
    for (const route of ['/home', `/groups/${groupId}`, '/jobs']) {
      await page.goto(`${h.app.url}/tab/#${route}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.getByRole('table').first().or(page.getByText('Adoption')).first().waitFor();
      const violations = await seriousAxeViolations(page);
      serious.push(...violations.map((v) => `${route} ${v}`));
    }
    expect(serious).toEqual([]);
  });

  test('when the sections are opened from the menu on a phone, then each is reached', async () => {
    await page.goto(`${h.app.url}/tab/#/home`);
    expect(await page.getByRole('tab', { name: 'Groups' }).count()).toBe(0);
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Home' }).click();
    await page.getByRole('menuitemradio', { name: 'Jobs' }).click();
    await page.getByRole('heading', { level: 1, name: 'Jobs' }).waitFor();
  });

  test('when the group page is shown on a desktop, then the invite-link buttons sit side by side and unsent cards count no attempts', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${h.app.url}/tab/#/groups/${groupId}`);
    const newLink = page.getByRole('button', { name: 'New invite link' });
    const reset = page.getByRole('button', { name: 'Reset links' });
    await reset.waitFor();
    const [a, b] = [(await newLink.boundingBox())!, (await reset.boundingBox())!];
    expect(Math.abs(a.y - b.y)).toBeLessThan(2);
    expect(b.x).toBeGreaterThan(a.x + a.width);
    // The cards never left (no Microsoft 365 account has those numbers): no attempt was made, and none is shown.
    const invites = page.getByRole('table', { name: 'Invite cards' });
    await invites.getByText('failed', { exact: true }).first().waitFor();
    const attempts = await invites.locator('tbody tr td:nth-child(3)').allInnerTexts();
    expect(attempts.length).toBeGreaterThanOrEqual(4);
    expect(attempts.filter((shown) => shown !== '')).toEqual([]);
    const panel = page.locator('div', { has: page.getByRole('heading', { name: 'Invite link' }) }).last();
    await panel.screenshot({ path: path.join(shots, '13-invite-link-desktop.png') });
  });
});
