import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { type AppHarness, startHarness } from '../support/app-harness';
import { describeWithChromium, launchChromium } from '../support/chromium';
import { readPdfText } from '../support/rollout-pdf-reader';

/**
 * The Resources page offers the rollout kit (group admins' poster, the activation desk's poster, table tent
 * and FAQ sheet), and answers each action where it was taken. Screenshots: test-output/resources-kit/.
 */
const root = path.resolve(__dirname, '../..');
const shots = path.join(root, 'test-output', 'resources-kit');
jest.setTimeout(90_000);

describeWithChromium('the rollout kit on the Resources page', () => {
  let h: AppHarness;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    h = await startHarness({ TAB_DIR: path.join(root, 'tab', 'dist'), DEFAULT_REGION: 'IN' });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  const card = (title: string) => page.locator('.fui-Card').filter({ hasText: title });

  test('when an org admin downloads the kit, then each printable is a PDF with its own words', async () => {
    await page.goto(`${h.app.url}/tab/#/resources`);
    await card('Activation desk table tent').waitFor();
    await page.screenshot({ path: path.join(shots, 'resources.png'), fullPage: true });
    const cases: Array<[string, string, string]> = [
      ['Poster for group admins', 'group-admin-poster.pdf', 'Run a chat group? Bring it to Teams'],
      ['Activation desk poster', 'activation-desk-poster.pdf', 'Activation desk: get your work account here'],
      ['Activation desk table tent', 'activation-desk-table-tent.pdf', 'fold here'],
      ['Activation desk: questions and answers', 'activation-desk-faq.pdf', 'When to call IT'],
    ];
    for (const [title, fileName, words] of cases) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        card(title).getByRole('button', { name: 'PDF' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(fileName);
      const { text } = await readPdfText(readFileSync((await download.path())!));
      expect(text).toContain(words);
    }
  });

  test('when adding a resource goes wrong, then the error shows beside the form, not at the top of the page', async () => {
    await page.goto(`${h.app.url}/tab/#/resources`);
    const add = page.getByRole('button', { name: 'Add resource' });
    await add.click();
    const alert = page.getByRole('alert').filter({ hasText: 'Choose a file first.' });
    await alert.waitFor();
    await alert.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, 'add-resource-error.png'), fullPage: true });
    const [alertBox, addBox, heading] = await Promise.all([
      alert.boundingBox(),
      add.boundingBox(),
      page.getByRole('heading', { level: 1 }).boundingBox(),
    ]);
    // Right under the form it belongs to, far below the page's heading.
    expect(alertBox!.y).toBeGreaterThan(addBox!.y);
    expect(alertBox!.y - (addBox!.y + addBox!.height)).toBeLessThan(60);
    expect(alertBox!.y - heading!.y).toBeGreaterThan(400);
    expect(await page.getByRole('alert').count()).toBe(1);
  });

  test('when the Resources page opens in Arabic and the guide is read in Hindi, then the page speaks Arabic and the guide Hindi', async () => {
    await page.goto(`${h.app.url}/tab/?lang=ar#/resources`);
    await card('مكتب التفعيل: أسئلة وأجوبة').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('مواد الانتقال');
    await page.getByRole('combobox', { name: 'اللغة' }).first().selectOption('hi');
    await card('محادثة العمل في Teams').getByRole('button', { name: 'اقرأ' }).click();
    const guide = page.locator('section[lang="hi"]');
    await guide.waitFor();
    expect(await guide.getAttribute('dir')).toBe('ltr');
    expect(await guide.locator('h1').textContent()).toBe('Teams में आपकी काम की चैट: पाँच मिनट की गाइड');
    await page.screenshot({ path: path.join(shots, 'resources-ar-guide-hi.png'), fullPage: true });

    await page.getByRole('combobox', { name: 'اللغة' }).first().selectOption('ar');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      card('مكتب التفعيل: أسئلة وأجوبة').getByRole('button', { name: 'PDF' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('activation-desk-faq.pdf');
  });
});
