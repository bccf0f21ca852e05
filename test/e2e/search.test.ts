/**
 * Search on the phone answers from the device's index, in its worker, and follows the sync: an
 * officer types in the search box, nothing matches; the head of the area writes a note on another
 * device; the officer's device syncs and the note appears under the typed words without typing
 * again, found by a prefix with accents and case folded. Phone picture of the results:
 * E2E_SCREENSHOTS=docs/screenshots.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiLogin, pullAll, pushAs } from '../helpers/e2e-api.ts';
import { chromiumAvailable, SKIP_MESSAGE, trackPageErrors, useE2eApp } from '../helpers/e2e-app.ts';
import { LoginPage } from './pages/login-page.ts';
import { SearchPage } from './pages/search-page.ts';
import { text } from './pages/texts.ts';

if (!chromiumAvailable) console.warn(SKIP_MESSAGE);

const SCREENSHOTS = process.env.E2E_SCREENSHOTS;

describe.skipIf(!chromiumAvailable)('search: a note that arrives by sync is found while typing', () => {
  const app = useE2eApp();

  it('shows a colleague’s note, synced after the words were typed, by prefix, accents and case folded', async () => {
    const head = await apiLogin(app.server.origin, 'resp.persona');
    const areaId = head.user.areaIds[0];
    const objective = (await pullAll(head)).all('objective').find((o) => o.areaId === areaId);
    if (!objective) throw new Error('the head has no objective');
    // A word no demo row has, so the note is the only match.
    const word = `Ornitorinco${Date.now().toString(36)}`;
    const noteText = `Verificata la QUALITÀ del servizio: ${word} avvistato nel cortile.`;

    const phone = await app.newPhone();
    const page = await phone.newPage();
    const errors = trackPageErrors(page);
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn('istruttore.persona');
    await login.waitForSynced();

    const search = new SearchPage(page);
    await search.goto();
    // Typed key by key, as a person does: the prefix of the word, and a word with its accent left out.
    const typed = `qualita ${word.slice(0, 9).toLowerCase()}`;
    await search.searchBox.pressSequentially(typed, { delay: 30 });
    await search.resultCount
      .filter({ hasText: text('it', 'search.none', { query: typed }) })
      .waitFor({ timeout: 30_000 });
    // The index lives in its own worker, not on the page's thread.
    expect(page.workers().some((w) => w.url().includes('search-worker'))).toBe(true);

    const pushed = await pushAs(head, [
      { name: 'note.add', args: { noteId: randomUUID(), objectiveId: objective.id, text: noteText } },
    ]);
    expect(pushed.results[0]?.status).toBe('applied');
    await search.syncNow();

    // Without typing again: the index follows the sync and the results are asked again.
    const found = search.resultLinks.filter({ hasText: word });
    await found.waitFor({ timeout: 30_000 });
    expect(await search.searchBox.inputValue()).toBe(typed);
    await expect
      .poll(() => search.resultCount.textContent())
      .toBe(text('it', 'search.results.one', { count: 1 }));
    if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, 'search-synced-note.png') });

    await found.click();
    await page.waitForURL(/\/obiettivi\/|\/fasi\//);
    expect(errors).toEqual([]);
  });
});
