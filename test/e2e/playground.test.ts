import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { type RunningPlayground, startPlayground } from '../../src/playground/start-playground';
import { type AppHarness, startHarness } from '../support/app-harness';
import { describeWithChromium, launchChromium } from '../support/chromium';

/**
 * The bot end to end in the real Microsoft 365 Agents Playground (offline), driven in Chromium the
 * way a group admin would: create a group, open its invite card, press a card button, add the
 * group to the organisation. Screenshots land in test-output/playground/.
 */
const shots = path.resolve(__dirname, '../../test-output/playground');
jest.setTimeout(120_000);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

describeWithChromium('the bot in the Microsoft 365 Agents Playground', () => {
  let h: AppHarness;
  let playground: RunningPlayground;
  let browser: Browser;
  let page: Page;
  const shot = (name: string) => page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
  /** The newest bot message that contains the text (cards are rendered in the chat in order). */
  const lastCardWith = (text: string) => page.locator('.ac-adaptiveCard', { hasText: text }).last();

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    h = await startHarness({ DEFAULT_REGION: 'IN' });
    playground = await startPlayground(`${h.app.url}/api/messages`, await freePort());
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  });
  afterAll(async () => {
    await browser?.close();
    await playground?.stop();
    await h?.close();
  });

  test('when an admin creates a group, opens its invite card, resets the link and adds it to the organisation, then the confirmation card shows', async () => {
    await page.goto(playground.url);
    await page.getByText('Welcome to Convene, Local Developer').first().waitFor();
    await shot('01-welcome');

    const box = page.locator('div[contenteditable="true"]').first();
    await box.click();
    await box.type('create group "Night shift – Warehouse 3"');
    await page.keyboard.press('Enter');
    const groupCard = lastCardWith('Group created');
    await groupCard.waitFor();
    await groupCard.getByText('Night shift – Warehouse 3').waitFor();
    await shot('02-group-created');

    await groupCard.getByRole('button', { name: 'Invite people' }).click();
    const inviteCard = lastCardWith('Invite link for Night shift – Warehouse 3');
    await inviteCard.waitFor();
    const firstLink = await inviteCard.getByText(/\/join\//).textContent();
    expect(firstLink).toContain(`${h.app.url}/join/`);
    await shot('03-invite-card');

    await inviteCard.getByRole('button', { name: 'Reset link' }).click();
    await lastCardWith('Link reset: the old link no longer works.').waitFor();
    const resetLink = await lastCardWith('Link reset')
      .getByText(/\/join\//)
      .textContent();
    expect(resetLink).not.toBe(firstLink);
    await shot('04-link-reset-in-place');

    await groupCard.getByRole('button', { name: 'Add to organisation' }).click();
    const question = lastCardWith("this can't be undone");
    await question.waitFor();
    await question.getByRole('button', { name: 'Confirm' }).click();
    const confirmation = lastCardWith('Added to Local organisation');
    await confirmation.waitFor();
    await confirmation
      .getByText('Night shift – Warehouse 3 now belongs to Local organisation.', { exact: false })
      .waitFor();
    await shot('05-added-to-organisation');

    // What the card says is what the database holds.
    const listed = await h.request('GET', '/api/v1/groups');
    const group = listed.body.groups.find((g: { name: string }) => g.name === 'Night shift – Warehouse 3');
    expect(group.organisationId).not.toBeNull();
  });
});
