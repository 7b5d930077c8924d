import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { renamedExecutable, samplePhoto } from '../fakes/sample-photos';
import { type AppHarness, startHarness } from '../support/app-harness';
import { describeWithChromium, launchChromium } from '../support/chromium';

/**
 * An org admin gives a group a photo from its page in the portal (the built tab, the real server,
 * Chromium); the tree then shows it, and a file that is not a picture is refused beside the button.
 * Screenshots land in test-output/group-photos/.
 */
const root = path.resolve(__dirname, '../..');
const shots = path.join(root, 'test-output', 'group-photos');
jest.setTimeout(120_000);

/** What the test reads of an `<img>` (the test compiles without the DOM's types). */
type PictureElement = { complete: boolean; naturalWidth: number };

describeWithChromium('group photos in the portal', () => {
  let h: AppHarness;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    h = await startHarness({ TAB_DIR: path.join(root, 'tab', 'dist'), DEFAULT_REGION: 'IN' });
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  /** Whether an <img> is drawn with a picture in it (not a broken or empty image). */
  const drawn = (selector: string) =>
    page
      .locator(selector)
      .first()
      .evaluate(
        (img) =>
          (img as unknown as PictureElement).complete && (img as unknown as PictureElement).naturalWidth > 0,
      );

  test('when an org admin adds a photo on the group page, then the page and the group tree show it', async () => {
    const group = (await h.request('POST', '/api/v1/groups', { name: 'Riders – North' })).body.group;
    await h.request('POST', '/api/v1/groups', { name: 'Riders – South', parentId: group.id });
    const files = path.join(shots, 'files');
    mkdirSync(files, { recursive: true });
    const picture = path.join(files, 'riders.webp');
    writeFileSync(picture, await samplePhoto('webp', { width: 900, height: 600, colour: '#d83b01' }));
    const disguised = path.join(files, 'holiday.png');
    writeFileSync(disguised, renamedExecutable());

    await page.goto(`${h.app.url}/tab/#/groups/${group.id}`);
    await page.getByRole('heading', { level: 1, name: 'Riders – North' }).waitFor();
    await page.getByText('No photo yet.').waitFor();

    // A renamed program is refused, and the words stand beside the button that caused them.
    await page.getByLabel('Group photo file').setInputFiles(disguised);
    const refusal = page.getByRole('alert').filter({ hasText: 'PNG, JPEG or WebP' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('looks like EXE');

    await page.getByLabel('Group photo file').setInputFiles(picture);
    await page.getByRole('status').filter({ hasText: 'Photo added.' }).waitFor();
    await page.getByRole('button', { name: 'Change photo' }).waitFor();
    await page.locator('.fui-Avatar img').first().waitFor();
    expect(await drawn('.fui-Avatar img')).toBe(true);
    await page.screenshot({ path: path.join(shots, '01-group-page.png') });

    const detail = (await h.request('GET', `/api/v1/groups/${group.id}`)).body;
    expect(detail.photoEtag).toMatch(/^[A-Za-z0-9_-]{27}$/);

    await page.goto(`${h.app.url}/tab/#/groups`);
    const row = page.getByRole('treeitem', { name: /Riders – North/ });
    await row.waitFor();
    await row.locator('.fui-Avatar img').first().waitFor();
    expect(
      await row
        .locator('.fui-Avatar img')
        .first()
        .evaluate((img) => (img as unknown as PictureElement).naturalWidth),
    ).toBeGreaterThan(0);
    // The group without a photo shows its initials instead.
    const south = page.getByRole('treeitem', { name: /Riders – South/ });
    expect(await south.locator('.fui-Avatar img').count()).toBe(0);
    await page.screenshot({ path: path.join(shots, '02-group-tree.png') });
  });
});
