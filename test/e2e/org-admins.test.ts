import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { LOCAL_USER_HEADER, LOCAL_USER_NAME_HEADER } from '../../src/server/auth/request-authenticator';
import { type AppHarness, startHarness } from '../support/app-harness';
import { describeWithChromium, launchChromium, openSection } from '../support/chromium';

/**
 * The Org admins panel in local mode: the developer (an org admin) names a colleague picked from
 * the people Convene knows and another by Microsoft 365 account, removes one again, and never the
 * last. Screenshots land in test-output/org-admins/.
 */
const root = path.resolve(__dirname, '../..');
const shots = path.join(root, 'test-output', 'org-admins');
jest.setTimeout(120_000);

describeWithChromium('the Org admins panel in Chromium (local mode)', () => {
  let h: AppHarness;
  let browser: Browser;
  let page: Page;
  const shot = (p: Page, name: string) =>
    p.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    const directoryFile = path.join(os.tmpdir(), `convene-directory-${process.pid}.json`);
    writeFileSync(
      directoryFile,
      JSON.stringify([
        {
          phone: '+919988550001',
          aadObjectId: 'omar-e2e',
          displayName: 'Omar Said',
          userPrincipalName: 'omar@contoso.test',
        },
      ]),
    );
    h = await startHarness({ TAB_DIR: path.join(root, 'tab', 'dist'), LOCAL_DIRECTORY_FILE: directoryFile });
    // Priya has opened Convene before, so she can be picked from the people it knows.
    await fetch(`${h.app.url}/api/v1/me`, {
      headers: { [LOCAL_USER_HEADER]: 'priya-e2e', [LOCAL_USER_NAME_HEADER]: 'Priya Nair' },
    });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  const table = () => page.getByRole('table', { name: 'Org admins' });
  const rowOf = (name: string) => table().getByRole('row').filter({ hasText: name });

  test('when the developer opens Org admins, then they are listed as the local developer and cannot remove the last admin', async () => {
    await page.goto(`${h.app.url}/tab/`);
    await openSection(page, 'Org admins');
    await page.getByRole('heading', { level: 1, name: 'Org admins' }).waitFor();
    const me = rowOf('Local Developer');
    await me.getByText('Local developer', { exact: true }).waitFor();
    await me.getByText('The last org admin').waitFor();
    await expect(me.getByRole('button').count()).resolves.toBe(0);
    // Every column says what it holds, the last one too (screen readers announce it with each cell).
    await expect(table().getByRole('columnheader').allInnerTexts()).resolves.toEqual([
      'Name',
      'Why they are an org admin',
      'Actions',
    ]);
    await shot(page, '01-only-the-developer');
  });

  test('when the developer names Priya from the list and Omar by account, then both are listed with who named them; removing Priya takes her off', async () => {
    await page.getByLabel('Someone who has used Convene').selectOption({ label: 'Priya Nair' });
    await page.getByRole('button', { name: 'Make org admin' }).click();
    await rowOf('Priya Nair').getByText('Named in the portal by Local Developer').waitFor();

    await page.getByLabel('…or their Microsoft 365 account').fill('omar@contoso.test');
    await page.getByRole('button', { name: 'Add by account' }).click();
    await rowOf('Omar Said').getByText('Named in the portal by Local Developer').waitFor();

    await page.getByLabel('…or their Microsoft 365 account').fill('nobody@contoso.test');
    await page.getByRole('button', { name: 'Add by account' }).click();
    await page
      .getByText('No Microsoft 365 account nobody@contoso.test was found in your organisation.')
      .waitFor();
    await expect(table().getByRole('row').count()).resolves.toBe(4);
    await shot(page, '02-three-org-admins');

    await page.getByRole('button', { name: 'Remove Priya Nair' }).click();
    await rowOf('Priya Nair').waitFor({ state: 'detached' });
    await expect(table().getByRole('row').count()).resolves.toBe(3);
  });

  test('when someone who is not an org admin opens the portal, then there is no Org admins tab and the page says not allowed', async () => {
    const other = await browser.newPage({
      viewport: { width: 1280, height: 700 },
      extraHTTPHeaders: { [LOCAL_USER_HEADER]: 'sam-e2e', [LOCAL_USER_NAME_HEADER]: 'Sam Lee' },
    });
    await other.goto(`${h.app.url}/tab/`);
    await other.getByText('Sam Lee').waitFor();
    await expect(other.getByRole('tab', { name: 'Org admins' }).count()).resolves.toBe(0);
    await other.goto(`${h.app.url}/tab/#/org-admins`);
    await other.getByText('Only org admins can see and change who the org admins are.').waitFor();
    await shot(other, '03-not-allowed');
    await other.close();
  });
});
