import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { type AppHarness, startHarness } from '../support/app-harness';
import { describeWithChromium, launchChromium } from '../support/chromium';
import { readPdfText } from '../support/rollout-pdf-reader';

/**
 * A champ prints onboarding slips from the portal's group page (the built tab, the real server,
 * Chromium); a plain member sees no button. Screenshots land in test-output/slips/.
 */
const root = path.resolve(__dirname, '../..');
const shots = path.join(root, 'test-output', 'slips');
jest.setTimeout(120_000);

describeWithChromium('onboarding slips in the portal', () => {
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

  /** A page acting as a stand-in person of the local organisation. */
  async function pageAs(
    id: string,
    name: string,
  ): Promise<{ page: Page; personId: string; close(): Promise<void> }> {
    const headers = { 'x-convene-local-user': id, 'x-convene-local-user-name': name };
    const me = (await fetch(`${h.app.url}/api/v1/me`, { headers }).then((r) => r.json())) as {
      personId: string;
    };
    const context = await browser.newContext({
      extraHTTPHeaders: headers,
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    return { page: await context.newPage(), personId: me.personId, close: () => context.close() };
  }

  test('when a champ presses Print slips on their group’s page, then the PDF of everyone’s slips downloads', async () => {
    const group = (await h.request('POST', '/api/v1/groups', { name: 'Drivers – Night shift' })).body.group;
    await h.request('POST', `/api/v1/groups/${group.id}/members`, { phones: '9988554401, 9988554402' });
    const { members } = (await h.request('GET', `/api/v1/groups/${group.id}/members`)).body;
    const ravi = members.find((m: { person: { phone: string | null } }) => m.person.phone?.endsWith('01'));
    await h.app.ctx.uow.run((repos) =>
      repos.people.update(ravi.person.id, {
        displayName: 'Ravi Kumar',
        userPrincipalName: 'ravi.kumar@contoso.com',
      }),
    );
    const champ = await pageAs('champ-slips-e2e', 'Chandra Champ');
    await h.request('POST', `/api/v1/groups/${group.id}/champs`, { personId: champ.personId });
    try {
      const { page } = champ;
      await page.goto(`${h.app.url}/tab/#/groups/${group.id}`);
      await page.getByRole('heading', { level: 1, name: 'Drivers – Night shift' }).waitFor();
      const heading = page.getByRole('heading', { name: 'Onboarding slips' });
      await heading.scrollIntoViewIfNeeded();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Print slips' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('convene-slips.pdf');
      const pdf = readFileSync((await download.path())!);
      const { text } = await readPdfText(pdf);
      expect(text).toContain('Ravi Kumar');
      expect(text).toContain('ravi.kumar@contoso.com');
      expect(text).toContain('phone ending ··02');
      await heading.evaluate((el) => el.closest('.fui-Card')?.scrollIntoView({ block: 'center' }));
      await page.screenshot({ path: path.join(shots, '01-champ-group-page.png') });
    } finally {
      await champ.close();
    }

    // A plain member sees the group but no slips.
    const ben = await pageAs('member-slips-e2e', 'Ben Member');
    try {
      const link = await h.request('POST', `/api/v1/groups/${group.id}/invite-links`, {});
      await fetch(`${h.app.url}/api/v1/invites/redeem`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-convene-local-user': 'member-slips-e2e' },
        body: JSON.stringify({ token: link.body.url }),
      });
      await ben.page.goto(`${h.app.url}/tab/#/groups/${group.id}`);
      await ben.page.getByRole('heading', { level: 1, name: 'Drivers – Night shift' }).waitFor();
      await ben.page.getByRole('heading', { name: 'Members' }).waitFor();
      expect(await ben.page.getByRole('button', { name: 'Print slips' }).count()).toBe(0);
    } finally {
      await ben.close();
    }
  });
});
