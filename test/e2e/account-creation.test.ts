import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { type AppHarness, startHarness } from '../support/app-harness';
import { describeWithChromium, launchChromium, openSection } from '../support/chromium';

/**
 * Account creation in local mode, as an org admin sees it: the settings panel turned on and checked on
 * the Org admins page, then, on People without an account, the Create accounts dialog's dry run and job
 * report. Screenshots land in
 * test-output/account-creation/.
 */
const root = path.resolve(__dirname, '../..');
const shots = path.join(root, 'test-output', 'account-creation');
jest.setTimeout(120_000);

describeWithChromium('creating accounts in Chromium (local mode)', () => {
  let h: AppHarness;
  let browser: Browser;
  let page: Page;
  const shot = (name: string) => page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    h = await startHarness({ TAB_DIR: path.join(root, 'tab', 'dist') });
    const group = await h.request('POST', '/api/v1/groups', { name: 'Loading dock' });
    const phones = ['+919988550101', '+919988550102', '+919988550103'];
    await h.request('POST', `/api/v1/groups/${group.body.group.id}/members`, { phones, region: 'IN' });
    await h.app.ctx.uow.run(async (repos) => {
      for (const [phone, name] of [
        [phones[0]!, 'Asha Rao'],
        [phones[1]!, 'Ravi Kumar'],
      ] as const) {
        const person = await repos.people.findByPhone(phone);
        await repos.people.update(person!.id, { displayName: name });
      }
    });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  test('when the org admin turns creation on and checks it, then the panel lists the permissions and what Check found', async () => {
    await page.goto(`${h.app.url}/tab/`);
    await openSection(page, 'Org admins');
    const panel = page.getByRole('region', { name: 'Create accounts' });
    await panel.getByText('UserAuthenticationMethod.ReadWrite.All').waitFor();
    await panel.getByLabel('Convene may create accounts').check();
    await panel.getByLabel('Domain').fill('convene.local');
    await panel.getByRole('button', { name: 'Save' }).click();
    await panel.getByText('Saved.').waitFor();
    await panel.getByRole('button', { name: 'Check' }).click();
    const checks = page.getByRole('table', { name: 'What Check found' });
    await checks
      .getByRole('row')
      .filter({ hasText: 'Domain of the sign-in names' })
      .getByText('OK')
      .waitFor();
    await shot('01-settings-checked');
  });

  test('when the org admin runs the dry run and creates from People without an account, then the report shows who got which sign-in name and who needs a name, and the list keeps only them', async () => {
    await openSection(page, 'No account');
    const people = page.getByRole('table', { name: 'People without an account' });
    await people.getByText('Asha Rao').waitFor();
    await page.getByRole('button', { name: 'Create accounts for everyone without one…' }).click();
    await page.getByRole('button', { name: 'Dry run' }).click();
    const preview = page.getByRole('table', { name: 'Who would get an account' });
    await preview.getByText('asha.rao@convene.local').waitFor();
    await preview.getByText('Needs a name').waitFor();
    await shot('02-dry-run');
    await page.getByRole('button', { name: 'Create 2 accounts' }).click();
    await page.getByText('Finished').waitFor();
    const report = page.getByRole('table', { name: 'Per-person report' });
    await expect(report.getByText('created').count()).resolves.toBe(2);
    await report.getByText(/^Needs a name: give one/).waitFor();
    await shot('03-report');
    const asha = await h.app.ctx.uow.read((repos) => repos.people.findByPhone('+919988550101'));
    expect(asha?.userPrincipalName).toBe('asha.rao@convene.local');
    await page.getByRole('button', { name: 'Close' }).click();
    await people.getByRole('row').filter({ hasText: '+919988550103' }).waitFor();
    await expect(people.getByRole('row').count()).resolves.toBe(2); // the header and the one without a name
    await shot('04-list-after');
  });
});
