import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { type AppHarness, startHarness } from '../support/app-harness';
import { describeWithChromium, launchChromium } from '../support/chromium';

/**
 * Announcements in the portal, end to end: the built tab on the real server (SQLite, local mode), an org
 * admin composing, previewing the real card in light and dark, sending, and reading the report. Screenshots
 * land in test-output/announcements/.
 */
const root = path.resolve(__dirname, '../..');
const shots = path.join(root, 'test-output', 'announcements');
jest.setTimeout(120_000);

describeWithChromium('announcements in the portal (Chromium)', () => {
  let h: AppHarness;
  let browser: Browser;
  let page: Page;
  const shot = (name: string) => page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    h = await startHarness({ TAB_DIR: path.join(root, 'tab', 'dist'), DEFAULT_REGION: 'IN' });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => process.stderr.write(`PAGE ERROR ${error.message}\n`));
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  test('when an org admin composes, previews and sends an announcement, then the report shows where it stands', async () => {
    await page.goto(`${h.app.url}/tab/#/groups`);
    await page.getByRole('button', { name: 'Create group' }).click();
    await page.getByLabel('Group name').fill('Warehouse');
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Warehouse' }).waitFor();
    await page.getByLabel('Region').selectOption('IN');
    await page.getByLabel('Phone numbers').fill('9988554401, 9988554402');
    await page.getByRole('button', { name: 'Add users' }).click();
    await page.getByRole('table', { name: 'Results' }).waitFor();

    await page.goto(`${h.app.url}/tab/#/announcements`);
    await page.getByRole('heading', { level: 1, name: 'Announcements' }).waitFor();
    await page.getByRole('button', { name: 'New announcement' }).click();
    await page.getByLabel('Send to').selectOption({ label: 'Warehouse' });
    // The developer (the group's creator) and the two people added by phone.
    await page.getByText('Reaches 3 people (each once).').waitFor();
    await page.getByLabel('Title').fill('Fire drill at 3');
    await page.getByLabel('Text').fill('Leave by the **east** stairs and meet at the car park.');
    await page.getByLabel('Button link (https://, optional)').fill('javascript:alert(1)');
    await page.getByRole('button', { name: 'Send now' }).click();
    await page.getByRole('alert').getByText('The button link must be an https:// address').waitFor();
    await shot('01-refused-link');

    await page.getByLabel('Button link (https://, optional)').fill('https://intranet.contoso.com/drill');
    await page.getByLabel('Button label').fill('Floor plan');
    const light = page.getByRole('figure', { name: 'Preview, light theme' });
    const dark = page.getByRole('figure', { name: 'Preview, dark theme' });
    await light.getByText('Fire drill at 3').waitFor();
    await dark.getByText('Fire drill at 3').waitFor();
    expect(await light.getByText('I have read this').count()).toBe(1);
    expect(await dark.getByText('Floor plan').count()).toBe(1);
    // Markdown drawn as Teams draws it: bold, not asterisks.
    expect(await light.locator('strong', { hasText: 'east' }).count()).toBe(1);
    await shot('02-compose-preview');

    await page.getByRole('button', { name: 'Send now' }).click();
    // People known only by phone cannot be reached in local mode: the report gives the reason.
    const chart = page.getByRole('img', { name: /Queued \d+, Sent \d+, Failed \d+/ });
    await chart.waitFor();
    await page
      .getByRole('table', { name: 'Per person' })
      .getByText(/Microsoft 365|Teams|organisation/)
      .first()
      .waitFor({ timeout: 30_000 });
    await page.getByRole('table', { name: 'Per group' }).getByText('Warehouse').waitFor();
    await shot('03-report');
  });

  test('when an announcement is scheduled, then it can be edited until it starts, and not after', async () => {
    // Wall-clock values for the form's datetime-local field, a month and a month and a day ahead.
    const ahead = (days: number, time: string) => {
      const d = new Date(Date.now() + days * 86_400_000);
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${time}`;
    };
    const first = ahead(30, '07:30');
    const second = ahead(31, '08:00');
    await page.goto(`${h.app.url}/tab/#/announcements`);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Announcements' }).waitFor();
    await page.getByRole('button', { name: 'New announcement' }).click();
    await page.getByLabel('Send to').selectOption({ label: 'Warehouse' });
    await page.getByLabel('Title').fill('Stocktake on Friday');
    await page.getByLabel('Text').fill('Counting starts at 7.');
    await page.getByLabel(/Send at/).fill(first);
    await page.getByRole('button', { name: 'Schedule' }).click();
    await page.getByText(/Goes out/).waitFor();

    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const form = page.getByRole('form', { name: 'Edit announcement' });
    // Filled in as it was written, the time in the sender's own clock, the audience as it was.
    expect(await form.getByLabel('Title').inputValue()).toBe('Stocktake on Friday');
    expect(await form.getByLabel(/Send at/).inputValue()).toBe(first);
    await form.getByText('Send to: Warehouse').waitFor();
    await form.getByLabel('Title').fill('Stocktake moved to Saturday');
    await form.getByLabel(/Send at/).fill(second);
    await form
      .getByRole('figure', { name: 'Preview, light theme' })
      .getByText('Stocktake moved to Saturday')
      .waitFor();
    await shot('04-edit-scheduled');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await form.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Stocktake moved to Saturday' }).waitFor();
    await page.getByText(new RegExp(`Goes out .*${new Date(second).getFullYear()}`)).waitFor();

    // Someone else sends it now while the form is open: saving is refused beside the form, with words.
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const list = await h.request('GET', '/api/v1/announcements?groupIds=&organisationIds=');
    const groups = await h.request('GET', '/api/v1/portal/groups');
    const ids = groups.body.groups.map((g: { id: string }) => g.id).join(',');
    const all = await h.request('GET', `/api/v1/announcements?groupIds=${ids}&organisationIds=`);
    const moved = all.body.announcements.find(
      (a: { title: string }) => a.title === 'Stocktake moved to Saturday',
    );
    expect(list.status).toBe(200);
    expect((await h.request('POST', `/api/v1/announcements/${moved.id}/send-now`)).status).toBe(202);
    await page.getByRole('form', { name: 'Edit announcement' }).getByLabel('Title').fill('Too late');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page
      .getByRole('alert')
      .getByText(/already started going out/)
      .waitFor();
    await page.getByText('Not saved').waitFor();
    await shot('05-edit-refused-after-start');
  });

  test('when a sender adds a picture, then an executable renamed .png is refused and a real one shows on the preview', async () => {
    await page.goto(`${h.app.url}/tab/#/announcements`);
    await page.reload();
    await page.getByRole('button', { name: 'New announcement' }).click();
    await page.getByLabel('Send to').selectOption({ label: 'Warehouse' });
    await page.getByLabel('Title').fill('New forklift');
    await page.getByLabel('Text').fill('Training on Monday.');
    const file = page.getByLabel('Picture file');
    await file.setInputFiles({
      name: 'forklift.png',
      mimeType: 'image/png',
      buffer: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(4000, 0x90)]),
    });
    // Told beside the picture field, where the sender is looking (not under "Not sent", as if it were sent).
    await page
      .getByRole('group', { name: 'Picture' })
      .or(page.locator('.fui-Field').filter({ has: file }))
      .getByRole('alert')
      .getByText(/not a picture Convene accepts/)
      .waitFor();
    expect(await page.getByText('Not sent').count()).toBe(0);
    await shot('06-image-refused');

    const png = await sharp({
      create: { width: 900, height: 400, channels: 3, background: { r: 30, g: 110, b: 200 } },
    })
      .png()
      .toBuffer();
    await file.setInputFiles({ name: 'forklift.png', mimeType: 'image/png', buffer: png });
    await page.getByText('The picture is on the card.').waitFor();
    const light = page.getByRole('figure', { name: 'Preview, light theme' });
    const image = light.locator('img[src*="/announcement-images/"]');
    await image.waitFor();
    // The picture really loaded from its public address (a broken image has no natural width).
    await page.waitForFunction(
      "[...document.querySelectorAll('figure img')].some((i) => i.naturalWidth === 900)",
    );
    await shot('07-image-preview');
  });
});
