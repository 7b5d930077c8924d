import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { type AppHarness, startHarness } from '../support/app-harness';
import { describeWithChromium, launchChromium } from '../support/chromium';

/**
 * An admin answers join requests in the portal's group page (the built tab, the real server, Chromium).
 * Screenshots land in test-output/join-requests/.
 */
const root = path.resolve(__dirname, '../..');
const shots = path.join(root, 'test-output', 'join-requests');
jest.setTimeout(120_000);

describeWithChromium('join requests in the portal', () => {
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

  test('when people asked to join, then the admin approves one, declines the rest, and the approved one is a member', async () => {
    const group = (await h.request('POST', '/api/v1/groups', { name: 'Warehouse – Night shift' })).body.group;
    const link = await h.request('POST', `/api/v1/groups/${group.id}/invite-links`, {
      organisationAccountsOnly: false,
    });
    for (const [name, phone] of [
      ['Ravi Kumar', '98765 43210'],
      ['Meena Iyer', '98765 43211'],
      ['Joseph D', '98765 43212'],
    ]) {
      const asked = await h.request('POST', '/api/v1/invites/join-requests', {
        token: link.body.url,
        name,
        phone,
      });
      expect(asked.status).toBe(202);
    }

    // Someone with a work account signs in on a link that needs approval: their request has no number.
    const approvalLink = await h.request('POST', `/api/v1/groups/${group.id}/invite-links`, {
      approvalRequired: true,
    });
    const signedIn = await fetch(`${h.app.url}/api/v1/invites/redeem`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-convene-local-user': 'kofi-mensah' },
      body: JSON.stringify({ token: approvalLink.body.url }),
    });
    expect(((await signedIn.json()) as { outcome: string }).outcome).toBe('requested');

    await page.goto(`${h.app.url}/tab/#/groups/${group.id}`);
    await page.getByRole('heading', { level: 1, name: 'Warehouse – Night shift' }).waitFor();
    // The group has its creator only: one member, said as one.
    await page.getByText('1 member', { exact: true }).waitFor();
    const requests = page.getByRole('table', { name: 'Join requests' });
    await requests.getByText('Ravi Kumar').waitFor();
    await expect(requests.getByRole('row').count()).resolves.toBe(5);
    await requests.getByText('signed in with a work account').waitFor();
    await page.getByRole('heading', { name: 'Requests to join' }).scrollIntoViewIfNeeded();
    await shot('01-requests-waiting');

    await page.getByRole('button', { name: 'Approve Ravi Kumar' }).click();
    await page.getByText('Approved Ravi Kumar.').waitFor();
    await page.getByRole('table', { name: 'Members' }).getByText('+919876543210').waitFor();
    await expect(requests.getByText('Ravi Kumar').count()).resolves.toBe(0);
    await shot('02-approved-one');

    await page.getByRole('button', { name: 'Decline all' }).click();
    await page.getByText(/Declined Meena Iyer\. Declined Joseph D\./).waitFor();
    await page.getByText('No requests waiting').waitFor();
    await shot('03-declined-the-rest');

    const members = (await h.request('GET', `/api/v1/groups/${group.id}/members`)).body.members;
    expect(members.map((m: { person: { phone: string | null } }) => m.person.phone).sort()).toEqual([
      '+919876543210',
      null,
    ]);
  });

  test('when an organisation group link is widened to anyone, then the panel warns before it is made', async () => {
    const group = (await h.request('POST', '/api/v1/groups', { name: 'Drivers' })).body.group;
    await page.goto(`${h.app.url}/tab/#/groups/${group.id}`);
    await page.getByRole('heading', { level: 1, name: 'Drivers' }).waitFor();
    const only = page.getByRole('switch', { name: /Only .* accounts/ });
    await expect(only.isChecked()).resolves.toBe(true);
    await only.click();
    await page.getByText(/Anyone with this link can join, including people outside/).waitFor();
    await page.getByRole('switch', { name: 'An admin approves each join' }).click();
    await page.getByRole('button', { name: 'New invite link' }).click();
    await page.getByText(/each join approved by an admin/).waitFor();
    await page.getByRole('heading', { name: 'Invite link' }).scrollIntoViewIfNeeded();
    await shot('04-open-link-warning');
  });

  test('when an admin resets the links, then they are told printed posters stop working and confirm first', async () => {
    const group = (await h.request('POST', '/api/v1/groups', { name: 'Canteen crew' })).body.group;
    const before = await h.request('POST', `/api/v1/groups/${group.id}/invite-links`, {});
    await page.goto(`${h.app.url}/tab/#/groups/${group.id}`);
    await page.getByRole('heading', { level: 1, name: 'Canteen crew' }).waitFor();

    await page.getByRole('button', { name: 'Reset links' }).click();
    await page.getByText(/including the QR codes on printed posters/).waitFor();
    await page.getByRole('heading', { name: 'Invite link' }).scrollIntoViewIfNeeded();
    await shot('05-reset-confirm');
    await page.getByRole('button', { name: 'Cancel' }).click();
    const stillWorks = await fetch(before.body.url, { headers: { accept: 'application/json' } });
    expect(stillWorks.status).toBe(200);

    await page.getByRole('button', { name: 'Reset links' }).click();
    await page.getByRole('button', { name: 'Reset all links' }).click();
    await page.getByRole('textbox', { name: 'Invite link' }).waitFor();
    // The join page reuses a link's facts for a second.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const reset = await fetch(before.body.url, { headers: { accept: 'application/json' } });
    expect(reset.status).toBe(410);
  });
});
