/** The sync page: changes waiting, conflicts to acknowledge, changes the server rejected. */
import type { Locator, Page } from 'playwright-core';
import { AppShell } from './app-shell.ts';
import type { Lang } from './texts.ts';

export class SyncPage extends AppShell {
  constructor(page: Page, lang: Lang = 'it') {
    super(page, lang);
  }

  async goto(): Promise<void> {
    await this.page.goto('/sincronizzazione');
    await this.waitForLoaded();
  }

  /** Opens the page from the bottom navigation. */
  async open(): Promise<void> {
    await this.nav('nav.syncShort').click();
    await this.waitForLoaded();
  }

  async waitForLoaded(): Promise<void> {
    await this.waitForTitle(this.t('syncPage.title'));
    await this.rejectedRegion.waitFor();
  }

  get pendingRegion(): Locator {
    return this.main.getByRole('region', { name: this.t('syncPage.pending'), exact: true });
  }

  get conflictsRegion(): Locator {
    return this.main.getByRole('region', { name: this.t('syncPage.conflicts'), exact: true });
  }

  get rejectedRegion(): Locator {
    return this.main.getByRole('region', { name: this.t('syncPage.rejected'), exact: true });
  }

  /** The page's own "Sincronizza ora" (the strip in the banner has another). */
  get pageSyncNow(): Locator {
    return this.main.getByRole('button', { name: this.t('sync.now') });
  }

  get pendingItems(): Locator {
    return this.pendingRegion.getByRole('listitem');
  }

  /** The conflict cards: the items of the list named "Conflitti" (one card per conflict). */
  get conflictCards(): Locator {
    return this.conflictsRegion
      .getByRole('list', { name: this.t('syncPage.conflicts'), exact: true })
      .getByRole('listitem');
  }

  get rejectedItems(): Locator {
    return this.rejectedRegion
      .getByRole('list', { name: this.t('syncPage.rejected'), exact: true })
      .getByRole('listitem');
  }

  rejectedItem(text: string | RegExp): Locator {
    return this.rejectedItems.filter({ hasText: text });
  }

  async discardRejected(item: Locator): Promise<void> {
    await item.getByRole('button', { name: this.t('syncPage.discard'), exact: true }).click();
  }

  async retryRejected(item: Locator): Promise<void> {
    await item.getByRole('button', { name: this.t('syncPage.retry'), exact: true }).click();
  }

  get noRejected(): Locator {
    return this.rejectedRegion.getByText(this.t('syncPage.rejectedEmpty'));
  }

  get noConflicts(): Locator {
    return this.conflictsRegion.getByText(this.t('syncPage.conflictsEmpty'));
  }
}
