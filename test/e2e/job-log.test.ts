import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { type AppHarness, startHarness } from '../support/app-harness';
import { describeWithChromium, launchChromium } from '../support/chromium';

/**
 * A bulk upload from the check to the per-row job log, in Chromium at a laptop's width and a phone's.
 * Screenshots land in test-output/job-log/.
 */
const root = path.resolve(__dirname, '../..');
const shots = path.join(root, 'test-output', 'job-log');
jest.setTimeout(120_000);

/** 60 rows: 57 people for a new group, then 3 bad rows. */
const file = Buffer.from(
  `Group Name,Phone Number,User Type,Name\n${[
    ...Array.from({ length: 57 }, (_, i) => `Night Crew,98100${String(i).padStart(5, '0')},Member,Crew ${i}`),
    'Night Crew,12345,Member,',
    'Night Crew,9810099999,Boss,',
    ',9810099998,Member,',
  ].join('\n')}\n`,
  'utf8',
);

describeWithChromium('the job log in Chromium', () => {
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

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });

  test('when a file with bad rows is checked and its valid rows applied, then the check names the new group and the job log pages, filters, searches and downloads every row', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    await page.goto(`${h.app.url}/tab/#/upload`);
    await page
      .getByTestId('upload-file')
      .setInputFiles({ name: 'night.csv', mimeType: 'text/csv', buffer: file });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByText('3 problems need fixing').waitFor();
    await page.getByText('1 group will be created').waitFor();
    expect(await page.getByText('1 group will be created').locator('..').textContent()).toContain(
      'Night Crew.',
    );
    await shot(page, '01-check-names-new-groups');

    await page.getByText(/Apply the 57 valid rows only and leave out the 3 with errors/).click();
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await page.getByRole('button', { name: 'Apply 57 rows' }).click();
    await page.getByText('Completed with some failed rows').waitFor({ timeout: 30_000 });
    // Once applied, the check's "nothing has been changed" message is gone, and the rows are the file's.
    expect(await page.getByText(/Nothing has been changed/).count()).toBe(0);
    await page.getByText('60 of 60 rows').waitFor();
    await page.getByText('1 group created by this file').waitFor();
    await shot(page, '02-applied');

    await page.getByText('Open the job’s detailed log').click();
    await page.getByRole('heading', { level: 2, name: 'What happened to each row' }).waitFor();
    const table = page.getByRole('table', { name: 'Row outcomes' });
    await table.waitFor();
    await page.getByRole('button', { name: 'All: 58' }).waitFor();
    await page.getByText('1–50 of 58').waitFor();
    const first = await table.locator('tbody tr').first().textContent();
    expect(first).toMatch(/Group created[\s\S]*Night Crew/);
    // The back link sits apart from the heading below it.
    const back = await page.getByText('← All jobs').boundingBox();
    const heading = await page.getByRole('heading', { level: 1, name: /^Job of / }).boundingBox();
    await shot(page, '03-job-log-1366');
    expect(heading!.y).toBeGreaterThanOrEqual(back!.y + back!.height + 4);

    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('51–58 of 58').waitFor();
    await page.getByRole('button', { name: 'Added: 57' }).click();
    await page.getByText('1–50 of 57').waitFor();
    await page.getByRole('button', { name: 'All: 58' }).click();
    await page.getByLabel('Search the log').fill('98100 00042');
    await page.getByRole('button', { name: 'All: 1' }).waitFor();
    expect(await table.locator('tbody tr').allInnerTexts()).toEqual([expect.stringContaining('Crew 42')]);
    await shot(page, '04-job-log-search');

    const [downloaded] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download' }).click(),
    ]);
    expect(downloaded.suggestedFilename()).toBe('night-log.csv');
    const stream = await downloaded.createReadStream();
    let csv = '';
    for await (const chunk of stream) csv += chunk.toString();
    expect(csv).toBe(
      '\uFEFFLine,Outcome,Group,Phone,Name,Role,Reason code,Reason\r\n44,Added,Night Crew,+919810000042,Crew 42,member,,\r\n',
    );

    await page.setViewportSize({ width: 400, height: 860 });
    await page.getByLabel('Search the log').fill('');
    await page.getByText('1–50 of 58').waitFor();
    type Dom = { document: { documentElement: { scrollWidth: number } } };
    const width = await page.evaluate(
      () => (globalThis as unknown as Dom).document.documentElement.scrollWidth,
    );
    expect(width).toBeLessThanOrEqual(400);
    await shot(page, '05-job-log-400');
    // The top of the page as a phone first shows it (the full page is long).
    await page.screenshot({ path: path.join(shots, '06-job-log-400-top.png') });
    await page.close();
  });
});
