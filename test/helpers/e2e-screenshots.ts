import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';

/**
 * E2E_SCREENSHOTS=docs/screenshots saves the phone-size pictures of docs/screenshots/README.md on
 * the way (the viewport, with `at` scrolled to its top); unset, nothing is written.
 */
export async function shot(page: Page, name: string, at?: Locator): Promise<void> {
  const dir = process.env.E2E_SCREENSHOTS;
  if (!dir) return;
  await mkdir(dir, { recursive: true });
  // Below the sticky header and sync strip, not under them.
  if (at) await at.evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().top - 220));
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  await page.screenshot({ path: join(dir, name) });
}
