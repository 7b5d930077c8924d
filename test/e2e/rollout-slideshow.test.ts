import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import jsQR from 'jsqr';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { type RunningApp, startApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/infra/logging/logger';
import { describeWithChromium, launchChromium } from '../support/chromium';

let app: RunningApp;
let browser: Browser;
let dataDir: string;

/** Waits until the active slide's heading reads `text`. */
async function showing(page: Page, heading: 'h1' | 'h2', text: string, timeout: number): Promise<void> {
  // Polled from outside: the page's CSP (rightly) forbids evaluating strings inside it.
  const deadline = Date.now() + timeout;
  let seen: string | null = null;
  while (Date.now() < deadline) {
    seen = await page.locator(`.slide.active ${heading}`).first().textContent();
    if (seen === text) return;
    await page.waitForTimeout(100);
  }
  expect(seen).toBe(text);
}

async function slideshowFor(groupName: string): Promise<{ url: string; inviteUrl: string }> {
  const created = await fetch(`${app.url}/api/v1/groups`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: groupName }),
  });
  const { group } = (await created.json()) as { group: { id: string } };
  const link = await fetch(`${app.url}/api/v1/groups/${group.id}/rollout/slideshow`, { method: 'POST' });
  return (await link.json()) as { url: string; inviteUrl: string };
}

describeWithChromium('the lobby slideshow in a browser', () => {
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'convene-slideshow-'));
    app = await startApp(
      loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent' }),
      createLogger('silent'),
    );
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('when it runs on a lobby screen, then slides rotate and the join slide’s QR code scans to the invite link', async () => {
    const { url, inviteUrl } = await slideshowFor('Activation desk – Lagos');
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(`${url}&seconds=4`);

    expect(await page.locator('.slide.active h1').textContent()).toBe('Why our work chat is moving to Teams');
    // It moves on by itself (the page was asked for 4-second slides).
    await showing(page, 'h1', 'Joining takes a minute', 8000);
    await page.keyboard.press('ArrowRight');
    await showing(page, 'h2', 'Activation desk – Lagos', 2000);
    await page.waitForTimeout(900); // the cross-fade

    const shot = await page.screenshot();
    if (process.env.CONVENE_SCREENSHOTS)
      writeFileSync(path.join(process.env.CONVENE_SCREENSHOTS, 'slideshow-join.png'), shot);
    const image = PNG.sync.read(shot);
    expect(jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data).toBe(inviteUrl);
    expect(errors).toEqual([]);
    await page.close();
  });
});
