/**
 * axe-core over the page as it is (fonts loaded first, so contrast is judged on the real text), for
 * WCAG 2.1 A/AA: the violations as readable lines, "" when there are none.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export async function audit(page: Page, where: string): Promise<string> {
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return violations
    .map(
      (v) =>
        `${where}: [${v.impact ?? '?'}] ${v.id} — ${v.help}\n${v.nodes
          .slice(0, 5)
          .map((n) => `    - ${n.target.join(' ')}: ${n.failureSummary ?? ''}`)
          .join('\n')}`,
    )
    .join('\n');
}
