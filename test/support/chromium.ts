import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';

/** Debian's Chromium: Playwright cannot download its own browser on these machines. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumAvailable = (): boolean => existsSync(chromiumPath);

/** Headless Chromium with the flags this closed network needs (no background calls home). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A browser suite: skipped, visibly, where Chromium is missing on a laptop; under CI the global
 * setup has already failed the run instead.
 */
export function describeWithChromium(title: string, suite: () => void): void {
  (chromiumAvailable() ? describe : describe.skip)(title, suite);
}

/**
 * axe's serious and critical findings on the page as it is now, as "id: help (nodes)". Fluent UI's focus
 * manager (tabster) adds hidden 1px focus sentinels on purpose, which axe would read as focusable hidden
 * content: they are excluded; everything the page itself renders is checked.
 */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  return page.evaluate(async () => {
    type Violation = { id: string; help: string; impact: string; nodes: unknown[] };
    type Axe = { run: (context: unknown) => Promise<{ violations: Violation[] }> };
    const result = await (globalThis as unknown as { axe: Axe }).axe.run({
      exclude: [['[data-tabster-dummy]']],
    });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
  });
}

/**
 * Opens a portal section as a person would: its tab when the header shows it, else from **More**, where
 * the sections that do not fit the window's width go.
 */
export async function openSection(page: Page, name: string): Promise<void> {
  const tab = page.getByRole('navigation', { name: 'Sections' }).getByRole('tab', { name, exact: true });
  if (await tab.isVisible()) {
    await tab.click();
    return;
  }
  await page.getByRole('tab', { name: /More sections/ }).click();
  await page.getByRole('menuitem', { name, exact: true }).click();
}
